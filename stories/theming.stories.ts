import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import manifest from '../custom-elements.json';
import { publicCssProperties } from '../scripts/public-api.mjs';
import { inboxHandlers } from './mocks/handlers.js';
import { timelineHandlers } from './mocks/timeline-handlers.js';

/** The tokens the editor offers, with their light defaults (src/styles/tokens.ts). */
const tokens = {
  accent: ['--inbox-color-accent', '#1f5fd6'],
  onAccent: ['--inbox-color-on-accent', '#ffffff'],
  focusRing: ['--inbox-color-focus-ring', '#1f5fd6'],
  surface: ['--inbox-color-surface', '#ffffff'],
  surfaceSelected: ['--inbox-color-surface-selected', '#e3edff'],
  text: ['--inbox-color-text', '#1b1f24'],
  border: ['--inbox-color-border', '#d9dee5'],
  radius: ['--inbox-radius', '8px'],
  space: ['--inbox-space', '8px'],
  fontSize: ['--inbox-font-size', '14px'],
  fontFamily: ['--inbox-font-family', 'system-ui'],
} as const;

type Token = keyof typeof tokens;
type Args = Record<Token, string> & { theme: 'light' | 'dark' };

/** What a token colours in the list (else the timeline), as the elements document it. */
const usage = new Map(
  publicCssProperties(manifest).map((token) => [
    token.name,
    (token.usedBy.find((u) => u.tagName === 'inbox-conversation-list') ?? token.usedBy[0])?.description,
  ]),
);

/** A control named after its token and described by the elements' documentation. */
const control = (key: Token, kind: object) => ({
  ...kind,
  name: tokens[key][0],
  description: usage.get(tokens[key][0]),
});

const px = (min: number, max: number) => ({
  control: { type: 'select' as const },
  options: Array.from({ length: max - min + 1 }, (_, i) => `${min + i}px`),
});

/** Only what differs from the default: a token left alone keeps its dark value under `theme="dark"`. */
function changed(args: Args): [string, string][] {
  return (Object.keys(tokens) as Token[])
    .filter((key) => args[key] !== tokens[key][1])
    .map((key) => [tokens[key][0], args[key]]);
}

/** What a host would write for these choices, on its own wrapper around the elements. */
function stylesheet(set: [string, string][], theme: string | undefined): string {
  const lines = set.length ? set.map(([name, value]) => `  ${name}: ${value};`) : ['  /* the defaults */'];
  const note = theme ? '\n/* and theme="dark" on each element */' : '';
  return `.my-inbox {\n${lines.join('\n')}\n}${note}`;
}

const meta: Meta<Args> = {
  title: 'Examples/Theming',
  tags: ['!autodocs'],
  args: {
    ...(Object.fromEntries(Object.entries(tokens).map(([key, [, value]]) => [key, value])) as Record<
      Token,
      string
    >),
    theme: 'light',
  },
  argTypes: {
    accent: control('accent', { control: 'color' }),
    onAccent: control('onAccent', { control: 'color' }),
    focusRing: control('focusRing', { control: 'color' }),
    surface: control('surface', { control: 'color' }),
    surfaceSelected: control('surfaceSelected', { control: 'color' }),
    text: control('text', { control: 'color' }),
    border: control('border', { control: 'color' }),
    radius: control('radius', px(0, 16)),
    space: control('space', px(4, 12)),
    fontSize: control('fontSize', px(12, 18)),
    fontFamily: control('fontFamily', {
      control: { type: 'select' },
      options: ['system-ui', 'Georgia, serif', 'ui-monospace, monospace'],
    }),
    theme: { control: 'inline-radio', options: ['light', 'dark'] },
  },
  beforeEach: ({ msw }) => {
    msw.use(...timelineHandlers({}), ...inboxHandlers({}));
  },
  render: (args) => {
    const set = changed(args);
    const theme = args.theme === 'dark' ? 'dark' : undefined;
    return html`
      <inbox-provider base-url="/api" token="story-token">
        <div
          style="display: flex; flex-wrap: wrap; gap: 8px; ${set.map(([name, value]) => `${name}: ${value};`).join(' ')}"
        >
          <inbox-conversation-list
            style="inline-size: 340px; block-size: 420px; border: 1px solid #d9dee5"
            no-header
            theme=${ifDefined(theme)}
          ></inbox-conversation-list>
          <inbox-timeline
            style="inline-size: 440px; block-size: 420px; border: 1px solid #d9dee5"
            conversation-id="conv-0"
            no-header
            theme=${ifDefined(theme)}
          ></inbox-timeline>
        </div>
      </inbox-provider>
      <p style="font: 14px system-ui; margin-block: 16px 4px">The CSS for these choices:</p>
      <pre style="margin: 0; padding: 8px 12px; background: #f6f7f9; color: #1b1f24">
${stylesheet(set, theme)}</pre>
    `;
  },
};
export default meta;

/**
 * Change a token in the controls and the list and the timeline take it at once, as they would
 * from a host page's stylesheet.
 */
export const TokenEditor: StoryObj<Args> = { name: 'Token editor' };
