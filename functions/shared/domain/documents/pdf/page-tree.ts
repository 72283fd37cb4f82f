import type { PdfDocument } from './pdf-document.ts';
import { isDict, isNumber, PdfRef, type PdfDict, type PdfValue } from './pdf-values.ts';
import { UnsupportedPdfError } from './unsupported-pdf-error.ts';

/** The page's visible area: pdf.js leaves out the text drawn outside it. */
export type PageView = readonly [left: number, bottom: number, right: number, top: number];

export interface PdfPage {
  readonly resources: PdfDict | undefined;
  readonly contents: PdfValue | undefined;
  readonly view: PageView;
}

/** pdf.js's page size when a page has no usable /MediaBox: US Letter. */
const LETTER: PageView = [0, 0, 612, 792];
/** Levels of /Pages nodes; real trees have a few. */
const MAX_TREE_DEPTH = 64;

interface Inherited {
  /** The /Resources of the page and the nodes above it, nearest first. */
  readonly resources: readonly PdfValue[];
  readonly mediaBox: PdfValue | undefined;
  readonly cropBox: PdfValue | undefined;
}

/** The first `count` pages, in order, with what they inherit from their /Pages nodes. */
export function firstPages(document: PdfDocument, count: number): PdfPage[] {
  const root = document.resolveDict(document.resolveDict(document.trailer.get('Root'))?.get('Pages'));
  if (root === undefined) throw new UnsupportedPdfError('no page tree');
  const pages: PdfPage[] = [];
  const visited = new Set<PdfDict>();
  const visit = (node: PdfDict, inherited: Inherited, depth: number): void => {
    if (visited.has(node) || depth > MAX_TREE_DEPTH) throw new UnsupportedPdfError('page tree loop');
    visited.add(node);
    const own: Inherited = {
      resources: node.has('Resources') ? [node.get('Resources')!, ...inherited.resources] : inherited.resources,
      mediaBox: node.get('MediaBox') ?? inherited.mediaBox,
      cropBox: node.get('CropBox') ?? inherited.cropBox,
    };
    const kids = document.resolve(node.get('Kids'));
    if (kids === undefined) {
      pages.push(pageOf(document, node, own));
      return;
    }
    if (!Array.isArray(kids)) throw new UnsupportedPdfError('broken page tree');
    for (const kid of kids) {
      if (pages.length >= count) return;
      if (!(kid instanceof PdfRef)) throw new UnsupportedPdfError('broken page tree');
      const child = document.resolveDict(kid);
      if (child === undefined) throw new UnsupportedPdfError('broken page tree');
      visit(child, own, depth + 1);
    }
  };
  visit(root, { resources: [], mediaBox: undefined, cropBox: undefined }, 0);
  return pages;
}

function pageOf(document: PdfDocument, node: PdfDict, inherited: Inherited): PdfPage {
  return {
    resources: mergedResources(document, inherited.resources),
    contents: node.get('Contents'),
    view: viewOf(box(document, inherited.mediaBox) ?? LETTER, box(document, inherited.cropBox)),
  };
}

/**
 * The page's resources as pdf.js takes them: each kind (/Font, /XObject...) from the nearest
 * node that has it, so that a page may add its fonts to images its parent lists.
 */
function mergedResources(document: PdfDocument, chain: readonly PdfValue[]): PdfDict | undefined {
  const dicts = chain.map((value) => document.resolve(value)).filter(isDict);
  if (dicts.length <= 1) return dicts[0];
  const merged: PdfDict = new Map();
  for (const dict of dicts) for (const [key, value] of dict) if (!merged.has(key)) merged.set(key, value);
  return merged;
}

/** The crop box within the media box, as pdf.js's `page.view` takes it. */
function viewOf(mediaBox: PageView, cropBox: PageView | undefined): PageView {
  if (cropBox === undefined || cropBox.every((value, index) => value === mediaBox[index])) return mediaBox;
  const left = Math.max(cropBox[0], mediaBox[0]);
  const right = Math.min(cropBox[2], mediaBox[2]);
  const bottom = Math.max(cropBox[1], mediaBox[1]);
  const top = Math.min(cropBox[3], mediaBox[3]);
  return right - left > 0 && top - bottom > 0 ? [left, bottom, right, top] : mediaBox;
}

/** A rectangle, its corners put in order; undefined unless it is four numbers and has an area. */
function box(document: PdfDocument, value: PdfValue | undefined): PageView | undefined {
  const array = document.resolve(value);
  if (!Array.isArray(array) || array.length !== 4) return undefined;
  const numbers = array.map((item) => document.resolve(item));
  if (!numbers.every(isNumber)) return undefined;
  const [x0, y0, x1, y1] = numbers as [number, number, number, number];
  const rectangle: PageView = [Math.min(x0, x1), Math.min(y0, y1), Math.max(x0, x1), Math.max(y0, y1)];
  return rectangle[2] - rectangle[0] > 0 && rectangle[3] - rectangle[1] > 0 ? rectangle : undefined;
}
