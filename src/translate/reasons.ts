/**
 * Why a draft was not taken, in the UI language for the person reading the report, and in English for the
 * model that is asked to try again (its instructions are in English).
 */
import { defineMessages, messages } from '../util/i18n.js';

const NAMESPACE = 'translate-reasons';

const t = defineMessages(NAMESPACE, {
  en: {
    invented: 'invented placeholder {{placeholder}}',
    repeated: 'placeholder {{placeholder}} appears more than once',
    missing: 'placeholder {{placeholder}} is missing',
    outOfOrder: 'placeholder {{placeholder}} closes out of order',
    notJson: 'the reply is not valid JSON',
    notObject: 'the reply is not a JSON object of segment id → translation',
    noAnswer: 'the reply has no translation for this segment',
    timedOut: 'the request timed out ({{detail}})',
    http: 'the request failed: HTTP {{status}}: {{detail}}',
    failed: 'the request failed: {{detail}}',
  },
  ja: {
    invented: '原文にないプレースホルダー {{placeholder}} があります',
    repeated: 'プレースホルダー {{placeholder}} が 2 回以上あります',
    missing: 'プレースホルダー {{placeholder}} がありません',
    outOfOrder: 'プレースホルダー {{placeholder}} の閉じる位置が原文と違います',
    notJson: '応答が正しい JSON ではありません',
    notObject: '応答が「セグメント ID → 訳」の JSON オブジェクトではありません',
    noAnswer: '応答にこのセグメントの訳がありません',
    timedOut: 'リクエストがタイムアウトしました({{detail}})',
    http: 'リクエストが失敗しました: HTTP {{status}}: {{detail}}',
    failed: 'リクエストが失敗しました: {{detail}}',
  },
});

export interface Reason {
  /** In the UI language. */
  text: string;
  /** In English, for the retry prompt. */
  english: string;
}

export function reason(key: string, values: Record<string, unknown> = {}): Reason {
  return { text: t(key, values), english: messages()(`${NAMESPACE}:${key}`, { replace: values, lng: 'en' }) };
}

/** A reason that is already text (check problems, in the UI language). */
export function verbatim(text: string): Reason {
  return { text, english: text };
}
