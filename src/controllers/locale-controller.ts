import type { ReactiveController, ReactiveElement } from 'lit';
import { loadLocale, resolveLocale, withWords, type Catalogue, type ResolvedLocale } from '../i18n/index.js';

type LocaleHost = ReactiveElement & { locale?: string | undefined };

/**
 * The catalogue and formatters for an element: its own `locale` attribute, else the nearest
 * ancestor's `lang`, else the document's. Formatters are cached per locale because building
 * `Intl` objects is costly in a list of thousands of rows. `words` are the element's own English
 * words (`timelineEn`), which come with its module rather than with every page.
 */
export class LocaleController<W extends object = object> implements ReactiveController {
  resolved: ResolvedLocale<Catalogue & W>;
  #date: Intl.DateTimeFormat | undefined;
  #full: Intl.DateTimeFormat | undefined;
  #time: Intl.DateTimeFormat | undefined;
  #day: Intl.DateTimeFormat | undefined;
  #relative: Intl.RelativeTimeFormat | undefined;
  #preparing = false;

  constructor(
    private readonly host: LocaleHost,
    private readonly words?: W,
  ) {
    this.resolved = this.#withWords(resolveLocale('en'));
    host.addController(this);
  }

  get messages() {
    return this.resolved.messages;
  }

  hostConnected(): void {
    this.update();
  }

  /** Call from `willUpdate` when `locale` changed. */
  update(): void {
    const tag = this.host.locale || this.host.closest('[lang]')?.getAttribute('lang') || undefined;
    if ((tag || 'en') === this.resolved.locale && this.resolved.complete) return;
    this.#set(resolveLocale(tag));
    if (this.resolved.complete) return;
    // English stands in until the language's catalogue arrives; then render again with it.
    const wanted = this.resolved.locale;
    void loadLocale(tag).then((resolved) => {
      if (this.resolved.locale !== wanted) return;
      this.#set(resolved);
      this.host.requestUpdate();
    });
  }

  /**
   * Builds the date and time formatters soon, after the current task: the first `Intl` object of a
   * page costs about 15 ms (the browser loads its locale data), better paid while the rows' data
   * is on its way than between its arrival and their first paint. For elements that show dates.
   */
  prepareDates(): void {
    if (this.#preparing) return;
    this.#preparing = true;
    setTimeout(() => {
      this.#preparing = false;
      const epoch = new Date(0).toISOString();
      this.formatRelative(epoch, Date.now());
      this.formatFull(epoch);
      this.formatTime(epoch);
      this.formatDay(epoch);
    });
  }

  #withWords(resolved: ResolvedLocale): ResolvedLocale<Catalogue & W> {
    return this.words ? withWords(resolved, this.words) : (resolved as ResolvedLocale<Catalogue & W>);
  }

  #set(resolved: ResolvedLocale): void {
    this.resolved = this.#withWords(resolved);
    this.#date = this.#full = this.#relative = this.#time = this.#day = undefined;
  }

  /** "just now", "5 min ago", "3 hr ago", "yesterday", then a short date: what a row shows. */
  formatRelative(iso: string, now: number): string {
    const seconds = (now - Date.parse(iso)) / 1000;
    if (seconds < 60) return this.messages.justNow;
    this.#relative ??= new Intl.RelativeTimeFormat(this.resolved.locale, { numeric: 'auto', style: 'short' });
    if (seconds < 3600) return this.#relative.format(-Math.floor(seconds / 60), 'minute');
    if (seconds < 86_400) return this.#relative.format(-Math.floor(seconds / 3600), 'hour');
    if (seconds < 7 * 86_400) return this.#relative.format(-Math.floor(seconds / 86_400), 'day');
    this.#date ??= new Intl.DateTimeFormat(this.resolved.locale, { month: 'short', day: 'numeric' });
    return this.#date.format(new Date(iso));
  }

  /** The full date and time, for a tooltip. */
  formatFull(iso: string): string {
    this.#full ??= new Intl.DateTimeFormat(this.resolved.locale, { dateStyle: 'full', timeStyle: 'short' });
    return this.#full.format(new Date(iso));
  }

  /** The time of day, for a message. */
  formatTime(iso: string): string {
    this.#time ??= new Intl.DateTimeFormat(this.resolved.locale, { hour: 'numeric', minute: '2-digit' });
    return this.#time.format(new Date(iso));
  }

  /** "Today", "Yesterday", or the date: what a date separator says. */
  formatDay(iso: string, now = Date.now()): string {
    const day = (ms: number) => Math.floor((ms - new Date(ms).getTimezoneOffset() * 60_000) / 86_400_000);
    const diff = day(now) - day(Date.parse(iso));
    if (diff === 0) return this.messages.today;
    if (diff === 1) return this.messages.yesterday;
    this.#day ??= new Intl.DateTimeFormat(this.resolved.locale, {
      weekday: 'long',
      day: 'numeric',
      month: 'long',
      year: 'numeric',
    });
    return this.#day.format(new Date(iso));
  }
}
