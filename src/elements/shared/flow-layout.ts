import { FlowLayout } from '@lit-labs/virtualizer/layouts/flow.js';

/**
 * The virtualizer's flow layout, holding a list pinned to its last row at the end while measured
 * rows change the list's length (a timeline opening at its newest message).
 *
 * Rows are first placed at an estimated size, then measured. FlowLayout placed the pin from the
 * last row's position in the previous pass, and clamped it to the length the DOM still had, while
 * this pass puts the last row at the end of the new length. A list that grew left the newest row
 * below the bottom; one that shrank (rows smaller than estimated) left the scroll past the new end,
 * and no row was rendered for a frame: a blank timeline while a long thread opened.
 *
 * It overrides FlowLayout's internals (`_setPositionFromPin`, `_scrollSize`, `_itemSize`) as
 * @lit-labs/virtualizer 2.1.1 has them: the dependency is pinned, and the timeline's open tests
 * fail if an upgrade changes them.
 */
export class PinnedFlowLayout extends FlowLayout {
  /**
   * Config: the length a row is given until it is measured (FlowLayout's is 100 px). Rows placed
   * near their real length are placed again less while a long list opens.
   */
  set rowSize(px: number) {
    this._itemSize = { ...this._itemSize, [this._sizeDim]: px };
  }
  /**
   * Config: how far beyond the view, each side, rows stay rendered (FlowLayout's is 1,000 px). Rows
   * past the first screens cost their layout on the first paint and their nodes after.
   */
  set overhang(px: number) {
    this._overhang = px;
  }
  protected override _setPositionFromPin(): void {
    const pin = this.pin;
    if (!pin || pin.block !== 'end' || pin.index < this.items.length - 1) return super._setPositionFromPin();
    const end = Math.max(0, this._scrollSize - this._viewDim1);
    // Corrected from where the browser leaves the scroll once the list takes its new length.
    this._scrollError = Math.min(this._scrollPosition, end) - end;
    this._scrollPosition = end;
  }
}

/**
 * A layout config naming its layout: without a type the virtualizer imports its default layout
 * first, a file fetched (and a frame lost) before any row renders. Every config a virtualizer is
 * given must name the same type, or it builds a new virtualizer.
 */
export const pinnedFlow = <T extends object>(config: T) => ({ ...config, type: PinnedFlowLayout });
