import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** Whether the browser says it is online; the host renders again when that changes. */
export class OnlineController implements ReactiveController {
  online = true;

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  hostConnected(): void {
    globalThis.addEventListener('online', this.#update);
    globalThis.addEventListener('offline', this.#update);
    this.online = navigator.onLine;
  }

  hostDisconnected(): void {
    globalThis.removeEventListener('online', this.#update);
    globalThis.removeEventListener('offline', this.#update);
  }

  readonly #update = (): void => {
    this.online = navigator.onLine;
    this.host.requestUpdate();
  };
}
