// What Volar checks a tag in a Vue template against: the props of the component registered in
// `GlobalComponents`, which `inbox-elements/vue` extends. Type-checked against the built package by
// test/package/types.test.ts.
import type { GlobalComponents } from 'vue';
import type {} from 'inbox-elements/vue';

type ComposerProps = InstanceType<GlobalComponents['inbox-composer']>['$props'];

export const composer: ComposerProps = {
  'send-key': 'mod-enter',
  'oninbox-message-send': (e) => {
    const id: string = e.detail.item.id;
    console.log(id);
  },
};

// @ts-expect-error: `send-key` takes `enter` or `mod-enter` only
export const wrong: ComposerProps = { 'send-key': 'shift-enter' };
