import { LitElement, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import { InboxController } from '../controllers/inbox-controller.js';
import { LocaleController } from '../controllers/locale-controller.js';
import type { InboxStore } from '../stores/index.js';
import { base, tokens } from '../styles/tokens.js';
import { attachScopedRoot } from './scoped-root.js';

/**
 * What every inbox element shares: theme and locale attributes, the design tokens, and the store
 * bundle from the nearest provider (or the default one).
 */
export abstract class InboxElement extends LitElement {
  static override styles = [tokens, base];

  /** Colour scheme: light when unset, `dark`, or `auto` to follow the system. */
  @property({ reflect: true }) theme?: 'light' | 'dark' | 'auto';

  /** BCP 47 locale for text, dates and direction (`ar` is right to left). Defaults to the nearest `lang`. */
  @property() locale?: string;

  /**
   * @internal The element's own English words, which load with its module (the timeline's, the
   * composer's); the words several elements show are in the catalogue every page has.
   */
  static words?: object;

  /** @internal */
  protected readonly i18n = new LocaleController(this, (this.constructor as typeof InboxElement).words);

  /** @internal */
  protected readonly inbox = new InboxController(this, (store) => this.storeChanged(store));

  /** Called when the element gains, loses or switches its store bundle. */
  protected storeChanged(_store: InboxStore | undefined): void {}

  protected override createRenderRoot(): HTMLElement | DocumentFragment {
    attachScopedRoot(this, (this.constructor as typeof LitElement).shadowRootOptions);
    return super.createRenderRoot();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('locale')) this.i18n.update();
  }
}
