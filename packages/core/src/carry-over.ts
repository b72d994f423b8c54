import { readForm, type Answer, type WidgetKind } from '@delib/protocol';

/**
 * What a person had already put into a widget's plain form, read as the widget's answer: undefined when
 * the form is another kind's, holds nothing given, or does not read as an answer (they redo it). Its
 * own module, fetched only when a form holds something: the protocol's form reader is not paid for by
 * every page.
 */
export function formAnswer(form: HTMLFormElement, kind: WidgetKind): Answer | undefined {
  let read;
  try {
    read = readForm(new FormData(form) as unknown as Iterable<[string, string]>);
  } catch {
    return undefined;
  }
  const given = Object.values(read.answer).some((part) =>
    part && typeof part === 'object' ? Object.keys(part).length > 0 : !!part,
  );
  return read.widget === kind && given ? read.answer : undefined;
}
