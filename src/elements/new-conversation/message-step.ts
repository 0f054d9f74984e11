// Step two of the dialog: the first message with the channel's counter and limit, Back and Send Message.
import { html, nothing } from 'lit';
import { live } from 'lit/directives/live.js';
import { isolate } from '../../i18n/bidi.js';
import { describeClientProblem, describeError } from '../../i18n/describe-error.js';
import { counterText } from '../composer/composer-parts.js';
import type { StepView } from './view-types.js';

/** Whether Send Message may post now. */
export function canSend({ state }: Pick<StepView, 'state'>): boolean {
  return (
    !state.sending && state.text.trim() !== '' && !state.textProblem && state.detailsProblems.length === 0
  );
}

export function messageStep(view: StepView) {
  const { state, resolved, actions } = view;
  const m = resolved.messages;
  const { contact, profile, channel, phone } = state;
  const to = contact?.name || phone.parsed?.formatted || phone.input;
  const limit = state.textProblem ? describeClientProblem(state.textProblem, resolved) : '';
  const counter = channel ? counterText(state.text, channel, m) : '';
  const refusal = state.error ? describeError(state.error, resolved) : '';
  const textError = state.errorTarget === 'text' ? refusal : '';
  const sendError = state.errorTarget === 'availability' || state.errorTarget === 'form' ? refusal : '';
  const ready = canSend(view);
  const onKeydown = (event: KeyboardEvent) => {
    if (event.key !== 'Enter' || !(event.ctrlKey || event.metaKey) || event.isComposing) return;
    event.preventDefault();
    actions.send();
  };
  return html`<form
    class="form"
    novalidate
    @submit=${(event: Event) => (event.preventDefault(), actions.send())}
  >
    <p part="summary" class="summary">${m.newConversationTo(isolate(to), isolate(profile?.name ?? ''))}</p>
    <div class="field">
      <label for="message">${m.newConversationMessage}</label>
      <textarea
        id="message"
        part="textarea"
        placeholder=${m.newConversationPlaceholder}
        .value=${live(state.text)}
        aria-invalid=${limit || textError ? 'true' : 'false'}
        aria-describedby=${['send-hint', 'limit', textError && 'text-error'].filter(Boolean).join(' ')}
        @input=${(event: Event) => actions.setText((event.target as HTMLTextAreaElement).value)}
        @keydown=${onKeydown}
      ></textarea>
      <div class="meta">
        <span class="hint" id="send-hint">${m.newConversationSendHint}</span>
        ${counter ? html`<span part="counter" class="counter ${limit ? 'over' : ''}">${counter}</span>` : nothing}
      </div>
      <div part="limit" class="field-error" id="limit" aria-live="polite">${limit}</div>
      ${textError ? html`<p part="field-error" class="field-error" id="text-error">${textError}</p>` : nothing}
    </div>
    ${sendError ? html`<p part="error" class="error" role="alert">${sendError}</p>` : nothing}
    <div class="actions">
      <button type="button" part="back-button" class="secondary" @click=${actions.back}>
        ${m.newConversationBack}
      </button>
      <button type="submit" part="send-button" class="primary" aria-disabled=${ready ? 'false' : 'true'}>
        ${state.sending ? m.newConversationSending : m.newConversationSend}
      </button>
    </div>
  </form>`;
}
