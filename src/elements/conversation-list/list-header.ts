import { html, nothing } from 'lit';
import { live } from 'lit/directives/live.js';
import type {
  ConversationCounts,
  ConversationSort,
  ConversationView,
  StatusFilter,
  Team,
} from '../../api/types.js';
import type { Catalogue } from '../../i18n/index.js';
import type { ConversationListQuery, ResolvedConversationFilters } from '../../stores/index.js';
import { nextTabIndex } from '../../controllers/listbox-keys.js';
import { statusLabel } from '../../i18n/labels.js';
import { SEARCH_MAX_LENGTH } from '../../stores/conversation-list.js';

export const statusTabs: StatusFilter[] = ['all', 'active', 'unanswered', 'closed'];

/** Which controls the host has pinned (and so hides). */
export interface PinnedFilters {
  view: boolean;
  status: boolean;
  team: boolean;
  unread: boolean;
  sort: boolean;
}

export interface HeaderView {
  messages: Catalogue;
  filters: ResolvedConversationFilters;
  searchText: string;
  teams: Team[];
  counts: ConversationCounts | null;
  pinned: PinnedFilters;
  onView(view: ConversationView): void;
  onTeam(teamId: string | null): void;
  /** `now`: Enter was pressed, so search without waiting for a pause in typing. */
  onSearch(text: string, now?: boolean): void;
  onUnread(): void;
  onSort(sort: ConversationSort): void;
  onTabKeydown(event: KeyboardEvent): void;
  onStatus(status: StatusFilter): void;
}

const value = (event: Event) => (event.target as HTMLInputElement | HTMLSelectElement).value;

/** View, team, search, unread and sort controls, then the status tabs with their counts. */
export function listHeader(view: HeaderView) {
  const { messages, filters, pinned } = view;
  const option = (current: string, optionValue: string, label: string) =>
    html`<option value=${optionValue} ?selected=${current === optionValue}>${label}</option>`;
  return html`<div part="header" class="header">
    <div class="filters">
      ${
        pinned.view
          ? nothing
          : html`<label class="field"
              ><span class="visually-hidden">${messages.viewLabel}</span>
              <select part="view-select" @change=${(e: Event) => view.onView(value(e) as ConversationView)}>
                ${option(filters.view, 'all', messages.viewAll)}
                ${option(filters.view, 'mine', messages.viewMine)}
                ${option(filters.view, 'closed_by_me', messages.viewClosedByMe)}
              </select></label
            >`
      }
      ${
        pinned.team || view.teams.length < 2
          ? nothing
          : html`<label class="field"
              ><span class="visually-hidden">${messages.teamLabel}</span>
              <select part="team-select" @change=${(e: Event) => view.onTeam(value(e) || null)}>
                ${option(filters.teamId ?? '', '', messages.allTeams)}
                ${view.teams.map((team) => option(filters.teamId ?? '', team.id, team.name))}
              </select></label
            >`
      }
      ${
        pinned.sort
          ? nothing
          : html`<label class="field"
              ><span class="visually-hidden">${messages.sortLabel}</span>
              <select part="sort-select" @change=${(e: Event) => view.onSort(value(e) as ConversationSort)}>
                ${option(filters.sort, 'latest', messages.sortLatest)}
                ${option(filters.sort, 'waiting', messages.sortWaiting)}
                ${option(filters.sort, 'newest', messages.sortNewest)}
              </select></label
            >`
      }
    </div>
    <div class="search-row">
      <input
        part="search"
        type="search"
        maxlength=${SEARCH_MAX_LENGTH}
        aria-label=${messages.searchLabel}
        placeholder=${messages.searchPlaceholder}
        .value=${live(view.searchText)}
        @input=${(e: Event) => view.onSearch(value(e))}
        @keydown=${(e: KeyboardEvent) => {
          if (e.key === 'Enter' && !e.isComposing) view.onSearch(value(e), true);
        }}
      />
      ${
        pinned.unread
          ? nothing
          : html`<button
              part="unread-toggle"
              class="toggle"
              type="button"
              aria-pressed=${filters.unread ? 'true' : 'false'}
              @click=${view.onUnread}
            >
              ${messages.unreadOnly}
            </button>`
      }
    </div>
    ${
      pinned.status
        ? nothing
        : html`<div
            role="tablist"
            part="tabs"
            class="tabs"
            aria-label=${messages.statusTabsLabel}
            @keydown=${view.onTabKeydown}
          >
            ${statusTabs.map((status) => {
              const selected = filters.status === status;
              const count = view.counts?.[status];
              return html`<button
                role="tab"
                part="tab"
                id="tab-${status}"
                data-status=${status}
                aria-selected=${selected ? 'true' : 'false'}
                aria-controls="panel"
                tabindex=${selected ? 0 : -1}
                @click=${() => view.onStatus(status)}
              >
                ${statusLabel(status, messages)}${count === undefined ? nothing : html` <span part="tab-count" class="count">${count}</span>`}
              </button>`;
            })}
          </div>`
    }
  </div>`;
}

export interface QueryHeaderView extends Pick<
  HeaderView,
  'messages' | 'filters' | 'searchText' | 'teams' | 'counts' | 'pinned' | 'onSort'
> {
  dir: 'ltr' | 'rtl';
  query: ConversationListQuery | undefined;
  /** What the search field holds now (the query searches after a pause). */
  onSearchText(text: string): void;
  /** Moves focus to a status tab once it has rendered. */
  focusTab(status: StatusFilter): void;
}

/** The header wired to a list's query: each control changes the query's filters. */
export function queryHeader(view: QueryHeaderView) {
  const { query, filters } = view;
  return listHeader({
    ...view,
    onView: (value) => void query?.setFilters({ view: value }),
    onTeam: (teamId) => void query?.setFilters({ teamId }),
    onSearch: (text, now) => {
      view.onSearchText(text);
      void query?.search(text, { now });
    },
    onUnread: () => void query?.setFilters({ unread: !filters.unread }),
    onStatus: (status) => void query?.setFilters({ status }),
    // Arrow keys move between the tabs and select as they go.
    onTabKeydown: (event) => {
      const next = nextTabIndex(event.key, statusTabs.indexOf(filters.status), statusTabs.length, view.dir);
      const status = next === undefined ? undefined : statusTabs[next];
      if (!status) return;
      event.preventDefault();
      void query?.setFilters({ status });
      view.focusTab(status);
    },
  });
}
