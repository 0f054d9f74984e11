import { html, nothing, type ReactiveElement } from 'lit';
import type { Capabilities, Conversation, Team, User } from '../../api/types.js';
import type { DetailsLocale } from '../../i18n/details.en.js';
import type { AssignmentField, InboxStore } from '../../stores/index.js';
import { conflictView } from './conflict-view.js';
import { ConversationFieldEditor } from './conversation-field-editor.js';

export interface AssignmentView {
  resolved: DetailsLocale;
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
export class AssignmentEditor extends ConversationFieldEditor<AssignmentField> {
  protected readonly section = 'assignment';
  teamIds: string[] = [];
  assigneeIds: string[] = [];

  constructor(
    host: ReactiveElement,
    private readonly options: AssignmentEditorOptions,
  ) {
    super(host, options.store);
  }

  override start(conversation: Conversation): void {
    super.start(conversation);
    // Open counts move as work moves: fetch them fresh for the choice.
    void this.store()?.directory.reloadUsers();
  }

  protected take(conversation: Conversation): void {
    this.teamIds = [...conversation.teamIds];
    this.assigneeIds = [...conversation.assigneeIds];
  }

  protected allowed(base: Conversation): boolean {
    return this.options.beforeSave(base, this.teamIds, this.assigneeIds);
  }

  protected send(store: InboxStore, base: Conversation) {
    return store.conversations.setAssignment(base, { teamIds: this.teamIds, assigneeIds: this.assigneeIds });
  }

  protected saved(conversation: Conversation): void {
    this.options.saved(conversation);
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
    return html`<form class="editor" part="assignment-editor" @submit=${this.onSubmit}>
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
              onKeepMine: () => void this.save(),
              onUseTheirs: () => this.useTheirs(),
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
      ${this.footer(view.resolved)}
    </form>`;
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
}

/** Names of the teams or users whose ids `value` holds, as a list people read. */
export function namesOf(value: unknown, known: readonly { id: string; name: string }[]): string {
  const ids = Array.isArray(value) ? (value as string[]) : [];
  return ids.map((id) => known.find((k) => k.id === id)?.name ?? id).join(', ');
}
