import Encoding from 'encoding-japanese';
import iconv from 'iconv-lite';

export interface CharsetSample {
  readonly charset: string;
  readonly text: string;
  /** What a claim in that language could be named. */
  readonly filename: string;
}

/** What claims come written in, in the charsets their senders' mail clients use. */
export const SAMPLES: readonly CharsetSample[] = [
  {
    charset: 'windows-1252',
    text: 'Facture de la clinique Saint-Éloi : consultation du Dr Lefèvre, 85,00 € — « réglée », cœur',
    filename: 'Reçu Lefèvre 85 €.pdf',
  },
  { charset: 'iso-8859-15', text: "Reçu n° 42 : 120 € réglés à l'hôpital, œil", filename: 'reçu-œil.pdf' },
  { charset: 'iso-8859-2', text: 'Rechnung der Universitätsklinik Düsseldorf: Größe, Straße; Łódź, Příliš', filename: 'Größe-Łódź.pdf' },
  { charset: 'koi8-r', text: 'Счёт клиники "Здоровье", Москва: приём врача, 3500 руб.', filename: 'Счёт-клиники.pdf' },
  { charset: 'shift_jis', text: '東京都港区の病院の領収書です。診察料：１２，０００円', filename: '領収書.pdf' },
  { charset: 'euc-jp', text: '大阪の診療所の請求書、金額は八千円です。', filename: '請求書.pdf' },
  { charset: 'iso-2022-jp', text: '京都の歯科医院からの領収書をお送りします。', filename: '歯科の領収書.pdf' },
  { charset: 'gbk', text: '北京协和医院的发票：门诊费用一千二百元。', filename: '发票.pdf' },
  { charset: 'big5', text: '臺北榮民總醫院收據：門診費用一千二百元。', filename: '收據.pdf' },
  { charset: 'euc-kr', text: '서울대학교병원 진료비 영수증입니다. 금액: 12,000원', filename: '영수증.pdf' },
  // Hangul syllables Windows adds to KS X 1001, which Outlook writes for the rarer ones.
  { charset: 'cp949', text: '똠방각하 똘마니 뷁 쀍 - 서울대학교병원 진료비 영수증, 금액: 12,000원', filename: '똠방각하-영수증.pdf' },
  // Hong Kong's own characters, one beyond the Basic Multilingual Plane.
  { charset: 'big5-hkscs', text: '香港瑪麗醫院收據：門診費用 䏰䰲 𨋢 嘅 啲，一千二百元。', filename: '瑪麗醫院收據 𨋢.pdf' },
  // DOS code pages, which some fax gateways and old mail clients still write.
  { charset: 'cp850', text: 'Façade Größe Æbleskiver Ø Å ±½ ╔═╗ ß: 120,50 Fr.', filename: 'Reçu Größe ½.pdf' },
  { charset: 'cp437', text: 'Café ½ ░▒▓ ╔═╗ ÇüéâäàåçêëèïîìÄÅ ¥ ƒ', filename: 'Café ½.pdf' },
  { charset: 'utf-16le', text: 'Facture 東京 Счёт — 서울 😀', filename: 'Facture-東京.pdf' },
];

/** The text's bytes in the charset, as iconv-lite (or, for ISO-2022-JP which it lacks, encoding-japanese) writes them. */
export function encodeIn(charset: string, text: string): Buffer {
  if (charset === 'iso-2022-jp') return Buffer.from(Encoding.convert(Encoding.stringToCode(text), { to: 'JIS', from: 'UNICODE' }));
  return iconv.encode(text, charset);
}
