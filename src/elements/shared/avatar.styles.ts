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
    inline-size: 20px;
    block-size: 20px;
    border-radius: 50%;
    border: 2px solid var(--_bg);
    background: var(--_fg-muted);
    color: #fff;
    font-size: 9px;
    font-weight: 700;
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
