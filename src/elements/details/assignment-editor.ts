import { html, nothing, type ReactiveController, type ReactiveElement } from 'lit';
import type { InboxApiError } from '../../api/errors.js';
import type { Capabilities, Conversation, Team, User } from '../../api/types.js';
import { describeError } from '../../i18n/describe-error.js';
import type { ResolvedLocale } from '../../i18n/index.js';
import type { AssignmentField, Conflict, InboxStore } from '../../stores/index.js';
import { conflictView } from './conflict-view.js';

export interface AssignmentView {
  resolved: ResolvedLocale;
  teams: Team[];
  usersById: Record<string, User>;
  capabilities: Capabilities | undefined;
  meId: string | undefined;
}

export interface AssignmentEditorOptions {
  store(): InboxStore | undefined;
  /** Fires the cancelable `inbox-before-assignment-change`; false when the host vetoed. */
  beforeSave(conversation: Conversation, teamIds: string[], assigneeIds: string[]): boolean;
  saved(conversation: Conversation): void;
}

/** *Conversation Assignment* → Edit: teams, then agents of those teams with their open work. */
export class AssignmentEditor implements ReactiveController {
  editing = false;
  saving = false;
  teamIds: string[] = [];
  assigneeIds: string[] = [];
  base: Conversation | undefined;
  error: InboxApiError | undefined;
  conflict: Conflict<Conversation, AssignmentField> | undefined;

  constructor(
    private readonly host: ReactiveElement,
    private readonly options: AssignmentEditorOptions,
  ) {
    host.addController(this);
  }

  hostConnected(): void {}

  start(conversation: Conversation): void {
    this.#take(conversation);
    this.editing = true;
    this.error = undefined;
    this.conflict = undefined;
    // Open counts move as work moves: fetch them fresh for the choice.
    void this.options.store()?.directory.reloadUsers();
    this.host.requestUpdate();
  }

  cancel(): void {
    this.editing = false;
    this.conflict = undefined;
    this.error = undefined;
    this.host.requestUpdate();
  }

  /** The agents the chosen teams offer, by name. */
  agents(view: AssignmentView): User[] {
    const members = new Set(
      view.teams.filter((t) => this.teamIds.includes(t.id)).flatMap((t) => t.memberIds),
    );
    const collator = new Intl.Collator(view.resolved.locale);
    return [...members]
      .flatMap((id) => view.usersById[id] ?? [])
      .sort((a, b) => collator.compare(a.name, b.name));
  }

  render(view: AssignmentView) {
    const m = view.resolved.messages;
    const mayAddAnyTeam = view.capabilities?.seeAllConversations ?? false;
    const agents = this.agents(view);
    return html`<form class="editor" part="assignment-editor" @submit=${(e: Event) => this.#submit(e)}>
      ${
        this.conflict
          ? conflictView({
              messages: m,
              changed: this.conflict.changed,
              describe: (field, value) => ({
                label: field === 'teamIds' ? m.assignedTeams : m.assignedAgents,
                value:
                  namesOf(value, field === 'teamIds' ? view.teams : Object.values(view.usersById)) ||
                  (field === 'teamIds' ? m.noTeams : m.noAgents),
              }),
              onKeepMine: () => void this.#save(),
              onUseTheirs: () => this.#useTheirs(),
            })
          : nothing
      }
      <fieldset>
        <legend>${m.assignedTeams}</legend>
        ${view.teams.map((team) => {
          const checked = this.teamIds.includes(team.id);
          const mine = !!view.meId && team.memberIds.includes(view.meId);
          const locked = !checked && !mayAddAnyTeam && !mine;
          return html`<label class="choice" title=${locked ? m.notYourTeam : ''}>
            <input
              type="checkbox"
              .checked=${checked}
              ?disabled=${locked}
              @change=${() => this.#toggleTeam(team.id, view)}
            />
            <bdi>${team.name}</bdi>
          </label>`;
        })}
      </fieldset>
      <fieldset>
        <legend>${m.assignedAgents}</legend>
        ${
          agents.length === 0
            ? html`<p class="muted">${m.chooseTeamsFirst}</p>`
            : agents.map(
                (user) =>
                  html`<label class="choice">
                    <input
                      type="checkbox"
                      .checked=${this.assigneeIds.includes(user.id)}
                      @change=${() => this.#toggleAgent(user.id)}
                    />
                    <bdi>${user.name}</bdi>
                    ${
                      user.openConversations === undefined
                        ? nothing
                        : html`<span class="muted count"
                            >${m.openConversations(user.openConversations)}</span
                          >`
                    }
                  </label>`,
              )
        }
      </fieldset>
      ${
        this.error
          ? html`<p part="error" class="error" role="alert">${describeError(this.error, view.resolved)}</p>`
          : nothing
      }
      <div class="actions">
        <button type="button" @click=${() => this.cancel()}>${m.cancel}</button>
        <button type="submit" class="primary" part="save" ?disabled=${this.saving}>
          ${this.saving ? m.saving : m.saveChanges}
        </button>
      </div>
    </form>`;
  }

  #take(conversation: Conversation): void {
    this.base = conversation;
    this.teamIds = [...conversation.teamIds];
    this.assigneeIds = [...conversation.assigneeIds];
  }

  #toggleTeam(teamId: string, view: AssignmentView): void {
    this.teamIds = this.teamIds.includes(teamId)
      ? this.teamIds.filter((id) => id !== teamId)
      : [...this.teamIds, teamId];
    // An agent stays assigned only while one of their teams is.
    const offered = new Set(this.agents(view).map((user) => user.id));
    this.assigneeIds = this.assigneeIds.filter((id) => offered.has(id));
    this.host.requestUpdate();
  }

  #toggleAgent(userId: string): void {
    this.assigneeIds = this.assigneeIds.includes(userId)
      ? this.assigneeIds.filter((id) => id !== userId)
      : [...this.assigneeIds, userId];
    this.host.requestUpdate();
  }

  #submit(event: Event): void {
    event.preventDefault();
    void this.#save();
  }

  async #save(): Promise<void> {
    const store = this.options.store();
    const base = this.base;
    if (!store || !base || this.saving) return;
    if (!this.options.beforeSave(base, this.teamIds, this.assigneeIds)) return;
    this.saving = true;
    this.error = undefined;
    this.conflict = undefined;
    this.host.requestUpdate();
    const result = await store.conversations.setAssignment(base, {
      teamIds: this.teamIds,
      assigneeIds: this.assigneeIds,
    });
    this.saving = false;
    if (result.ok) {
      this.editing = false;
      this.options.saved(result.value);
    } else if (result.conflict) {
      // The choice stays on screen; saving again starts from the colleague's version.
      this.base = result.conflict.current;
      this.conflict = result.conflict;
    } else {
      this.error = result.error;
    }
    this.host.requestUpdate();
  }

  #useTheirs(): void {
    if (!this.conflict) return;
    this.#take(this.conflict.current);
    this.conflict = undefined;
    this.host.requestUpdate();
  }
}

/** Names of the teams or users whose ids `value` holds, as a list people read. */
export function namesOf(value: unknown, known: readonly { id: string; name: string }[]): string {
  const ids = Array.isArray(value) ? (value as string[]) : [];
  return ids.map((id) => known.find((k) => k.id === id)?.name ?? id).join(', ');
}
