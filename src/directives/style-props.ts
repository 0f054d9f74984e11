import { nothing } from 'lit';
import { Directive, directive, PartType, type ElementPart, type PartInfo } from 'lit/directive.js';

type Props = Record<string, string | undefined>;

/**
 * Sets inline style properties through the CSSOM (`style.setProperty`), never through a `style`
 * attribute: a host page whose Content Security Policy has no `'unsafe-inline'` for styles blocks
 * attributes (Lit's styleMap writes one on first render) but allows the CSSOM.
 * Use as an element binding: `<div ${styleProps({ 'inset-block-start': '4px' })}>`.
 */
class StylePropsDirective extends Directive {
  #previous = new Set<string>();

  constructor(part: PartInfo) {
    super(part);
    if (part.type !== PartType.ELEMENT) throw new Error('styleProps must be used as an element binding');
  }

  render(_props: Props) {
    return nothing;
  }

  override update(part: ElementPart, [props]: [Props]) {
    const { style } = part.element as HTMLElement;
    for (const name of this.#previous) if (props[name] === undefined) style.removeProperty(name);
    for (const [name, value] of Object.entries(props))
      if (value !== undefined) style.setProperty(name, value);
    this.#previous = new Set(Object.keys(props));
    return nothing;
  }
}

export const styleProps = directive(StylePropsDirective);
