// The SSE parser on its own, so it loads with the first event stream rather than with the first paint.
export { createParser } from 'eventsource-parser';
