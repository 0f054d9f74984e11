import { expect } from '@open-wc/testing';
import { defineElement, version } from '../../src/define/define.js';

/** Captures console.warn while `run` runs. */
function warnings(run: () => void): string[] {
  const seen: string[] = [];
  const original = console.warn;
  console.warn = (...args: unknown[]) => void seen.push(args.join(' '));
  try {
    run();
  } finally {
    console.warn = original;
  }
  return seen;
}

const definedBy = (globalThis as Record<symbol, unknown>)[Symbol.for('inbox-elements.defined-by')] as Map<
  string,
  string
>;

describe('defineElement', () => {
  it('defines a free tag and records this version for it', () => {
    class First extends HTMLElement {}
    defineElement('inbox-test-free', First);
    expect(customElements.get('inbox-test-free')).to.equal(First);
    expect(definedBy.get('inbox-test-free')).to.equal(version);
  });

  it('stays quiet when a second copy of the same version loads', () => {
    class First extends HTMLElement {}
    class SecondCopy extends HTMLElement {}
    defineElement('inbox-test-same', First);
    const seen = warnings(() => defineElement('inbox-test-same', SecondCopy));
    expect(seen).to.deep.equal([]);
    expect(customElements.get('inbox-test-same')).to.equal(First);
  });

  it('warns once, naming both versions, when another version already holds the tag', () => {
    class Older extends HTMLElement {}
    customElements.define('inbox-test-clash', Older);
    definedBy.set('inbox-test-clash', '0.0.1');
    class Newer extends HTMLElement {}
    const seen = warnings(() => {
      defineElement('inbox-test-clash', Newer);
      defineElement('inbox-test-clash', Newer);
    });
    expect(seen).to.have.length(1);
    expect(seen[0]).to.contain('inbox-elements 0.0.1').and.contain(version);
    expect(customElements.get('inbox-test-clash')).to.equal(Older);
  });

  it('warns once per other copy, not once per tag it took', () => {
    for (const tag of ['inbox-test-copy-a', 'inbox-test-copy-b']) {
      customElements.define(tag, class extends HTMLElement {});
      definedBy.set(tag, '0.0.2');
    }
    const seen = warnings(() => {
      defineElement('inbox-test-copy-a', class extends HTMLElement {});
      defineElement('inbox-test-copy-b', class extends HTMLElement {});
    });
    expect(seen).to.have.length(1);
    expect(seen[0]).to.contain('<inbox-test-copy-a> first').and.contain('inbox-elements 0.0.2');
  });

  it('warns when a script outside the library took the tag', () => {
    customElements.define('inbox-test-foreign', class extends HTMLElement {});
    const seen = warnings(() => defineElement('inbox-test-foreign', class extends HTMLElement {}));
    expect(seen).to.have.length(1);
    expect(seen[0]).to.contain('another script');
  });
});
