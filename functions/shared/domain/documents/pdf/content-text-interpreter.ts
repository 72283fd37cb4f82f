import { ContentLexer, END_OF_CONTENT, operatorCode } from './content-lexer.ts';
import { loadFont, missingFont } from './load-font.ts';
import type { PageView } from './page-tree.ts';
import type { PdfDocument } from './pdf-document.ts';
import type { PdfFont } from './pdf-font.ts';
import { isDict, isName, isNumber, isPdfString, PdfStream, type PdfDict, type PdfValue } from './pdf-values.ts';
import { TextLayout } from './text-layout.ts';
import type { TextSink } from './text-sink.ts';
import { multiply, TextState, type Matrix } from './text-state.ts';
import { UnsupportedPdfError } from './unsupported-pdf-error.ts';

/**
 * Forms drawn within forms: real documents nest a few (a letterhead holding a logo); deeper is a
 * loop through distinct objects, or a file built to exhaust the stack.
 */
const MAX_FORM_DEPTH = 12;

const BEGIN_TEXT = operatorCode('BT');
const SET_FONT = operatorCode('Tf');
const MOVE_TEXT = operatorCode('Td');
const MOVE_TEXT_SET_LEADING = operatorCode('TD');
const SET_TEXT_MATRIX = operatorCode('Tm');
const NEXT_LINE = operatorCode('T*');
const SET_LEADING = operatorCode('TL');
const SET_CHAR_SPACING = operatorCode('Tc');
const SET_WORD_SPACING = operatorCode('Tw');
const SET_HORIZONTAL_SCALE = operatorCode('Tz');
const SET_TEXT_RISE = operatorCode('Ts');
const SHOW_TEXT = operatorCode('Tj');
const SHOW_SPACED_TEXT = operatorCode('TJ');
const NEXT_LINE_SHOW_TEXT = operatorCode("'");
const NEXT_LINE_SET_SPACING_SHOW_TEXT = operatorCode('"');
const CONCAT_MATRIX = operatorCode('cm');
const SAVE = operatorCode('q');
const RESTORE = operatorCode('Q');
const PAINT_XOBJECT = operatorCode('Do');
const SET_GRAPHICS_STATE = operatorCode('gs');
const BEGIN_MARKED_CONTENT = operatorCode('BMC');
const BEGIN_MARKED_CONTENT_WITH_PROPERTIES = operatorCode('BDC');
const END_MARKED_CONTENT = operatorCode('EMC');

/** What the content streams of one page share. */
export interface PageContext {
  readonly document: PdfDocument;
  /** Fonts already read, by their dictionary: pages and forms share them. */
  readonly fonts: Map<PdfDict, PdfFont>;
  readonly sink: TextSink;
  readonly view: PageView;
}

/** The last `count` operands as numbers; undefined when there are fewer (pdf.js skips such an operator). */
function numbers(operands: readonly PdfValue[], count: number): number[] | undefined {
  if (operands.length < count) return undefined;
  const values = new Array<number>(count);
  for (let index = 0; index < count; index += 1) {
    const value = operands[operands.length - count + index];
    if (!isNumber(value)) throw new UnsupportedPdfError('operator with a non-numeric operand');
    values[index] = value;
  }
  return values;
}

/** Runs a content stream's text operators, the forms it draws included, into the page's text. */
export function readContentText(
  context: PageContext,
  content: Uint8Array,
  resources: PdfDict | undefined,
  initialState: TextState,
  formsOpen: readonly PdfStream[] = [],
): void {
  const { document } = context;
  const layout = new TextLayout(context.sink, context.view);
  const lexer = new ContentLexer(content);
  const { operands } = lexer;
  const savedStates: TextState[] = [];
  let state = initialState;
  // No closure over this call's variables (see resourceOf, showString): V8 compiles this loop while
  // it runs, specialised to them, and drops that code once a collection has freed them, every claim.
  for (let operator = lexer.nextOperator(); operator !== END_OF_CONTENT; operator = lexer.nextOperator()) {
    switch (operator) {
      case BEGIN_TEXT:
        state.beginText();
        break;
      case SET_FONT: {
        const [name, size] = operands.slice(-2);
        if (!isName(name) || !isNumber(size)) throw new UnsupportedPdfError('malformed Tf');
        if (state.font && name === state.fontName && size === state.fontSize) break;
        state.fontName = name;
        state.fontSize = size;
        state.font = fontOf(context, name, resourceOf(document, resources, 'Font', name));
        break;
      }
      case MOVE_TEXT: {
        const move = numbers(operands, 2);
        if (move) state.moveTextLine(move[0]!, move[1]!);
        break;
      }
      case MOVE_TEXT_SET_LEADING: {
        const move = numbers(operands, 2);
        if (!move) break;
        state.leading = -move[1]!;
        state.moveTextLine(move[0]!, move[1]!);
        break;
      }
      case SET_TEXT_MATRIX: {
        const matrix = numbers(operands, 6);
        if (!matrix) break;
        state.setTextMatrices(matrix as Matrix);
        layout.textMatrixChanged(state);
        break;
      }
      case NEXT_LINE:
        state.carriageReturn();
        break;
      case SET_LEADING:
      case SET_CHAR_SPACING:
      case SET_WORD_SPACING:
      case SET_HORIZONTAL_SCALE:
      case SET_TEXT_RISE: {
        const [value] = numbers(operands, 1) ?? [];
        if (value === undefined) break;
        if (operator === SET_LEADING) state.leading = value;
        else if (operator === SET_CHAR_SPACING) state.charSpacing = value;
        else if (operator === SET_WORD_SPACING) state.wordSpacing = value;
        else if (operator === SET_HORIZONTAL_SCALE) state.textHScale = value / 100;
        else state.textRise = value;
        break;
      }
      case SHOW_TEXT:
        showString(state, layout, operands.at(-1));
        break;
      case SHOW_SPACED_TEXT:
        showSpacedText(state, layout, operands.at(-1));
        break;
      case NEXT_LINE_SHOW_TEXT:
        if (operands.length === 0) break;
        state.carriageReturn();
        showString(state, layout, operands.at(-1));
        break;
      case NEXT_LINE_SET_SPACING_SHOW_TEXT: {
        if (operands.length < 3) break;
        const [wordSpacing, charSpacing] = operands.slice(-3);
        if (!isNumber(wordSpacing) || !isNumber(charSpacing)) throw new UnsupportedPdfError('malformed " operator');
        state.wordSpacing = wordSpacing;
        state.charSpacing = charSpacing;
        state.carriageReturn();
        showString(state, layout, operands.at(-1));
        break;
      }
      case CONCAT_MATRIX: {
        const matrix = numbers(operands, 6);
        if (matrix) state.ctm = multiply(state.ctm, matrix as Matrix);
        break;
      }
      case SAVE:
        savedStates.push(state);
        state = state.clone();
        break;
      case RESTORE:
        state = savedStates.pop() ?? state;
        break;
      case PAINT_XOBJECT: {
        layout.flush();
        const xobject = resourceOf(document, resources, 'XObject', operands.at(-1));
        if (xobject instanceof PdfStream && xobject.dict.get('Subtype') === 'Form') readForm(context, xobject, resources, state, formsOpen);
        break;
      }
      case SET_GRAPHICS_STATE: {
        const graphicsState = resourceOf(document, resources, 'ExtGState', operands.at(-1));
        if (isDict(graphicsState) && graphicsState.has('Font')) throw new UnsupportedPdfError('font set by a graphics state');
        break;
      }
      case BEGIN_MARKED_CONTENT:
      case BEGIN_MARKED_CONTENT_WITH_PROPERTIES:
      case END_MARKED_CONTENT:
        layout.flush();
        break;
    }
  }
  layout.flush();
}

/** A resource of a content stream by category and name: the font /F1 is ('Font', 'F1'). */
function resourceOf(
  document: PdfDocument,
  resources: PdfDict | undefined,
  category: string,
  name: PdfValue | undefined,
): PdfValue | undefined {
  return isName(name) ? document.resolve(document.resolveDict(resources?.get(category))?.get(name)) : undefined;
}

/** Tj, and the string of ' and ". */
function showString(state: TextState, layout: TextLayout, codes: PdfValue | undefined): void {
  if (!state.font) throw new UnsupportedPdfError('text shown without a font');
  if (isPdfString(codes)) layout.showText(state, codes, 0);
}

function fontOf(context: PageContext, resourceName: string, dict: PdfValue | undefined): PdfFont {
  if (!isDict(dict)) return missingFont(resourceName);
  let font = context.fonts.get(dict);
  if (font === undefined) {
    font = loadFont(context.document, dict);
    context.fonts.set(dict, font);
  }
  return font;
}

/** TJ: strings run together until a non-zero adjustment, which moves the pen back by thousandths of the font size. */
function showSpacedText(state: TextState, layout: TextLayout, array: PdfValue | undefined): void {
  if (!Array.isArray(array)) return;
  const font = state.font;
  if (!font) throw new UnsupportedPdfError('text shown without a font');
  const adjustmentScale = ((font.vertical ? 1 : -1) * state.fontSize) / 1000;
  let pending: Uint8Array[] = [];
  for (const item of array) {
    if (isPdfString(item)) pending.push(item);
    else if (isNumber(item) && item !== 0) {
      layout.showText(state, joined(pending), item * adjustmentScale);
      pending = [];
    }
  }
  if (pending.length > 0) layout.showText(state, joined(pending), 0);
}

const joined = (strings: readonly Uint8Array[]): Uint8Array =>
  strings.length === 1 ? strings[0]! : Buffer.concat(strings);

function readForm(context: PageContext, form: PdfStream, outerResources: PdfDict | undefined, state: TextState, formsOpen: readonly PdfStream[]): void {
  // pdf.js skips a form that draws itself.
  if (formsOpen.includes(form)) return;
  if (formsOpen.length >= MAX_FORM_DEPTH) throw new UnsupportedPdfError('forms nested too deep');
  const { document } = context;
  const formState = state.clone();
  const matrix = document.resolve(form.dict.get('Matrix'));
  if (Array.isArray(matrix) && matrix.length === 6 && matrix.every(isNumber)) formState.ctm = multiply(formState.ctm, matrix as Matrix);
  const resources = document.resolveDict(form.dict.get('Resources')) ?? outerResources;
  readContentText(context, document.decode(form), resources, formState, [...formsOpen, form]);
}
