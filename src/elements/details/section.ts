import { html, nothing, type TemplateResult } from 'lit';

export interface SectionView {
  /** Stable name: the id prefix and the key its open state is remembered under. */
  name: string;
  title: string;
  open: boolean;
  onToggle(name: string, open: boolean): void;
  /** An action at the end of the header (Edit, Create Contact), shown while open. */
  action?: TemplateResult | typeof nothing;
  body: () => unknown;
}

/** A section that expands and collapses (the disclosure pattern): a button in a heading, a region. */
export function section(view: SectionView) {
  const { name, title, open } = view;
  return html`<section part="section" class="section ${open ? 'open' : ''}" data-section=${name}>
    <div class="section-head">
      <h3 class="section-title">
        <button
          type="button"
          part="section-toggle"
          id="${name}-toggle"
          aria-expanded=${open ? 'true' : 'false'}
          aria-controls="${name}-body"
          @click=${() => view.onToggle(name, !open)}
        >
          <svg class="chevron" viewBox="0 0 24 24" width="16" height="16" aria-hidden="true">
            <path d="m9 6 6 6-6 6" fill="none" stroke="currentColor" stroke-width="2" />
          </svg>
          <span>${title}</span>
        </button>
      </h3>
      ${open ? (view.action ?? nothing) : nothing}
    </div>
    <div
      part="section-body"
      class="section-body"
      id="${name}-body"
      role="region"
      aria-labelledby="${name}-toggle"
      ?hidden=${!open}
    >
      ${open ? view.body() : nothing}
    </div>
  </section>`;
}
