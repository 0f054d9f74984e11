import { html, nothing } from 'lit';
import { styleProps } from '../../directives/style-props.js';
import type { User } from '../../api/types.js';
import { readableTextOn } from '../../styles/contrast.js';

/** Only our own origin or https images; anything else (javascript:, data:, http:) shows initials. */
const safeImage = (url: string | null | undefined) =>
  url && /^(https:\/\/|\/(?!\/))/.test(url) ? url : undefined;

/** A user's picture or initials on their colour; decorative (the name is given as text nearby). */
export function avatar(user: User) {
  const image = safeImage(user.avatar.url);
  return html`<span
    part="avatar"
    class="avatar"
    title=${user.name}
    ${styleProps({ 'background-color': user.avatar.color, color: readableTextOn(user.avatar.color) })}
    >${image ? html`<img src=${image} alt="" />` : user.avatar.initials}</span
  >`;
}

/** Up to `max` avatars and a "+N" for the rest. */
export function avatarStack(users: User[], max = 3) {
  if (users.length === 0) return nothing;
  const extra = users.length - max;
  return html`<span class="avatars" aria-hidden="true"
    >${users.slice(0, max).map(avatar)}${extra > 0 ? html`<span class="avatar more">+${extra}</span>` : nothing}</span
  >`;
}
