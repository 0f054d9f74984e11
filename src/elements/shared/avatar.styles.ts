import { css } from 'lit';

export const avatarStyles = css`
  .avatars {
    display: inline-flex;
    align-items: center;
  }
  .avatar {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    inline-size: 22px;
    block-size: 22px;
    border-radius: 50%;
    border: 2px solid var(--_bg);
    background: var(--_fg-muted);
    color: var(--_bg);
    font-size: 8px;
    font-weight: 700;
    letter-spacing: -0.02em;
    line-height: 1;
    white-space: nowrap;
    overflow: hidden;
  }
  .avatar + .avatar {
    margin-inline-start: -6px;
  }
  .avatar img {
    inline-size: 100%;
    block-size: 100%;
    object-fit: cover;
  }
  .avatar.more {
    background: var(--_bg-raised);
    color: var(--_fg);
  }
`;
