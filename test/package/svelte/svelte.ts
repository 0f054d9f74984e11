// What svelte-check sees for a tag in a template: the global `svelteHTML.IntrinsicElements` that
// `inbox-elements/svelte` extends. Type-checked against the built package by
// test/package/types.test.ts (Svelte itself is not needed for that).
import type {} from 'inbox-elements/svelte';

export const composer: svelteHTML.IntrinsicElements['inbox-composer'] = {
  'send-key': 'mod-enter',
  'on:inbox-message-send': (e) => {
    const id: string = e.detail.item.id;
    console.log(id);
  },
};

// @ts-expect-error: `send-key` takes `enter` or `mod-enter` only
export const wrong: svelteHTML.IntrinsicElements['inbox-composer'] = { 'send-key': 'shift-enter' };
