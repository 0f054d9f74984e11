import { css } from 'lit';

/** The onboarding steps (loaded with them). */
export const onboardingStyles = css`
  h2,
  h3,
  h4 {
    margin: 0;
    font-size: 1.15em;
  }
  [part='offline'] {
    margin: 0 0 var(--_space);
    padding: 6px 10px;
    border-radius: var(--_radius);
    background: var(--_bg-raised);
  }
  [part='progress'] {
    margin: 4px 0 var(--_space);
    color: var(--_fg-muted);
  }
  ol {
    margin: 0;
    padding: 0;
    list-style: none;
    border-block-start: 1px solid var(--_border);
  }
  li {
    display: flex;
    flex-wrap: wrap;
    align-items: flex-start;
    gap: var(--_space);
    padding: var(--_space) 0;
    border-block-end: 1px solid var(--_border);
  }
  .mark {
    display: inline-flex;
    flex: none;
    align-items: center;
    justify-content: center;
    inline-size: 22px;
    block-size: 22px;
    margin-block-start: 1px;
    border: 2px solid var(--_border);
    border-radius: 50%;
    font-size: 13px;
    line-height: 1;
  }
  .done .mark {
    border-color: var(--_accent);
    background: var(--_accent);
    color: var(--_accent-fg);
  }
  .skipped .mark {
    border-style: dashed;
  }
  .text {
    display: flex;
    flex: 1 1 12em;
    flex-direction: column;
    gap: 2px;
    min-inline-size: 0;
    overflow-wrap: anywhere;
  }
  .title {
    font-weight: 600;
  }
  .skipped .title {
    font-weight: normal;
  }
  a {
    color: var(--_accent);
  }
  .meta {
    display: flex;
    flex-wrap: wrap;
    gap: 2px calc(var(--_space) * 1.5);
    color: var(--_fg-muted);
    font-size: 0.9em;
  }
  .error {
    color: var(--_danger);
  }
  button {
    padding: 4px 12px;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_bg);
    cursor: pointer;
  }
  button:hover {
    background: var(--_bg-hover);
  }
  button[aria-disabled='true'] {
    cursor: progress;
    opacity: 0.7;
  }
`;
