/**
 * The part of the Adobe Glyph List that simple fonts of Latin-script documents use: every glyph of the
 * standard, WinAnsi and MacRoman encodings, Latin-1 and Latin Extended-A letters, punctuation,
 * currency signs (€) and ligatures. Other names fall back to pdf.js, which has the whole list.
 */
const GLYPH_CODE_POINTS = `
  A 41 AE c6 Aacute c1 Abreve 102 Acircumflex c2 Adieresis c4 Agrave c0 Amacron 100 Aogonek 104 Aring c5
  Atilde c3 B 42 C 43 Cacute 106 Ccaron 10c Ccedilla c7 Ccircumflex 108 Cdot 10a Cdotaccent 10a D 44 Dcaron 10e
  Dcroat 110 Delta 2206 Dslash 110 E 45 Eacute c9 Ebreve 114 Ecaron 11a Ecircumflex ca Edieresis cb Edot 116
  Edotaccent 116 Egrave c8 Emacron 112 Eng 14a Eogonek 118 Eth d0 Euro 20ac F 46 G 47 Gbreve 11e Gcedilla 122
  Gcircumflex 11c Gcommaaccent 122 Gdot 120 Gdotaccent 120 H 48 Hbar 126 Hcircumflex 124 I 49 IJ 132 Iacute cd
  Ibreve 12c Icircumflex ce Idieresis cf Idot 130 Idotaccent 130 Ifraktur 2111 Igrave cc Imacron 12a Iogonek 12e
  Itilde 128 J 4a Jcircumflex 134 K 4b Kcedilla 136 Kcommaaccent 136 L 4c Lacute 139 Lcaron 13d Lcedilla 13b
  Lcommaaccent 13b Ldot 13f Ldotaccent 13f Lslash 141 M 4d N 4e Nacute 143 Ncaron 147 Ncedilla 145
  Ncommaaccent 145 Ntilde d1 O 4f OE 152 Oacute d3 Obreve 14e Ocircumflex d4 Odblacute 150 Odieresis d6
  Ograve d2 Ohm 2126 Ohungarumlaut 150 Omacron 14c Omega 2126 Oslash d8 Otilde d5 P 50 Q 51 R 52 Racute 154
  Rcaron 158 Rcedilla 156 Rcommaaccent 156 Rfraktur 211c S 53 Sacute 15a Scaron 160 Scedilla 15e Scircumflex 15c
  Scommaaccent 218 T 54 Tbar 166 Tcaron 164 Tcedilla 162 Tcommaaccent 162 Thorn de U 55 Uacute da Ubreve 16c
  Ucircumflex db Udblacute 170 Udieresis dc Ugrave d9 Uhungarumlaut 170 Umacron 16a Uogonek 172 Uring 16e
  Utilde 168 V 56 W 57 Wcircumflex 174 X 58 Y 59 Yacute dd Ycircumflex 176 Ydieresis 178 Z 5a Zacute 179
  Zcaron 17d Zdot 17b Zdotaccent 17b a 61 aacute e1 abreve 103 acircumflex e2 acute b4 adieresis e4 ae e6
  agrave e0 aleph 2135 amacron 101 ampersand 26 angstrom 212b aogonek 105 apple f8ff approxequal 2248 aring e5
  asciicircum 5e asciitilde 7e asterisk 2a asterism 2042 at 40 atilde e3 b 62 backslash 5c bar 7c braceleft 7b
  braceright 7d bracketleft 5b bracketright 5d breve 2d8 brokenbar a6 bullet 2022 c 63 cacute 107 careof 2105
  caron 2c7 ccaron 10d ccedilla e7 ccircumflex 109 cdot 10b cdotaccent 10b cedilla b8 cent a2 centigrade 2103
  circlecopyrt a9 circumflex 2c6 colon 3a colonmonetary 20a1 colonsign 20a1 comma 2c copyright a9 cruzeiro 20a2
  currency a4 d 64 dagger 2020 daggerdbl 2021 dbllowline 2017 dblverticalbar 2016 dcaron 10f dcroat 111
  degree b0 dieresis a8 divide f7 dmacron 111 dollar 24 dong 20ab dotaccent 2d9 dotlessi 131 e 65 eacute e9
  ebreve 115 ecaron 11b ecircumflex ea edieresis eb edot 117 edotaccent 117 egrave e8 eight 38 ellipsis 2026
  emacron 113 emdash 2014 endash 2013 eng 14b enspace 2002 eogonek 119 equal 3d estimated 212e eth f0 euro 20ac
  exclam 21 exclamdbl 203c exclamdown a1 f 66 fahrenheit 2109 ff fb00 f_f fb00 ffi fb03 f_f_i fb03 ffl fb04
  f_f_l fb04 fi fb01 f_i fb01 figuredash 2012 five 35 fl fb02 f_l fb02 florin 192 four 34 fraction 2044
  franc 20a3 g 67 gbreve 11f gcedilla 123 gcircumflex 11d gcommaaccent 123 gdot 121 gdotaccent 121 germandbls df
  grave 60 greater 3e greaterequal 2265 guillemotleft ab guillemotright bb guilsinglleft 2039
  guilsinglright 203a h 68 hbar 127 hcircumflex 125 horizontalbar 2015 hungarumlaut 2dd hyphen 2d hyphentwo 2010
  i 69 iacute ed ibreve 12d icircumflex ee idieresis ef igrave ec ij 133 imacron 12b infinity 221e integral 222b
  iogonek 12f itilde 129 j 6a jcircumflex 135 k 6b kcedilla 137 kcommaaccent 137 kgreenlandic 138 l 6c
  lacute 13a lcaron 13e lcedilla 13c lcommaaccent 13c ldot 140 ldotaccent 140 less 3c lessequal 2264 lira 20a4
  logicalnot ac longs 17f lozenge 25ca lslash 142 lsquare 2113 m 6d macron af middot b7 minute 2032 mu b5 mu1 b5
  multiply d7 n 6e nacute 144 napostrophe 149 nbspace a0 ncaron 148 ncedilla 146 ncommaaccent 146
  newsheqelsign 20aa nine 39 nonbreakingspace a0 notequal 2260 ntilde f1 numbersign 23 numero 2116 o 6f
  oacute f3 obreve 14f ocircumflex f4 odblacute 151 odieresis f6 oe 153 ogonek 2db ograve f2 ohungarumlaut 151
  omacron 14d one 31 onedotenleader 2024 onehalf bd onequarter bc onesuperior b9 ordfeminine aa ordmasculine ba
  oslash f8 otilde f5 overline 203e overscore af p 70 paragraph b6 parenleft 28 parenright 29 partialdiff 2202
  percent 25 period 2e periodcentered b7 perthousand 2030 peseta 20a7 pi 3c0 planckover2pi 210f
  planckover2pi1 210f plus 2b plusminus b1 prescription 211e primereversed 2035 product 220f q 71 question 3f
  questiondown bf quotedbl 22 quotedblbase 201e quotedblleft 201c quotedblright 201d quoteleft 2018
  quoteleftreversed 201b quotereversed 201b quoteright 2019 quoterightn 149 quotesinglbase 201a quotesingle 27
  r 72 racute 155 radical 221a rcaron 159 rcedilla 157 rcommaaccent 157 referencemark 203b registered ae
  ring 2da s 73 sacute 15b scaron 161 scedilla 15f scircumflex 15d scommaaccent 219 second 2033 section a7
  semicolon 3b seven 37 sfthyphen ad sheqel 20aa sheqelhebrew 20aa six 36 slash 2f slong 17f softhyphen ad
  space 20 sterling a3 summation 2211 t 74 tbar 167 tcaron 165 tcedilla 163 tcommaaccent 163 telephone 2121
  thorn fe three 33 threequarters be threesuperior b3 tilde 2dc trademark 2122 two 32 twodotenleader 2025
  twodotleader 2025 twosuperior b2 u 75 uacute fa ubreve 16d ucircumflex fb udblacute 171 udieresis fc ugrave f9
  uhungarumlaut 171 umacron 16b underscore 5f underscoredbl 2017 uogonek 173 uring 16f utilde 169 v 76 w 77
  wcircumflex 175 weierstrass 2118 won 20a9 x 78 y 79 yacute fd ycircumflex 177 ydieresis ff yen a5 z 7a
  zacute 17a zcaron 17e zdot 17c zdotaccent 17c zero 30 zerowidthnonjoiner 200c zerowidthspace 200b bardbl 2016
  prime 2032
`;

let glyphList: ReadonlyMap<string, number> | undefined;

function parsedGlyphList(): ReadonlyMap<string, number> {
  if (glyphList === undefined) {
    const words = GLYPH_CODE_POINTS.trim().split(/\s+/);
    const map = new Map<string, number>();
    for (let index = 0; index + 1 < words.length; index += 2) map.set(words[index]!, Number.parseInt(words[index + 1]!, 16));
    glyphList = map;
  }
  return glyphList;
}

/**
 * "uniXXXX" or "uXXXX" to "uXXXXXX", in upper-case hexadecimal: the forms pdf.js reads (not
 * "uni" followed by several code units, which it leaves unmapped).
 */
const UNICODE_GLYPH_NAME = /^(?:uni([0-9A-F]{4})|u([0-9A-F]{4,6}))$/;

function codePointOfUniName(name: string): string | undefined {
  const match = UNICODE_GLYPH_NAME.exec(name);
  if (match === null) return undefined;
  const codePoint = Number.parseInt(match[1] ?? match[2]!, 16);
  const valid = codePoint > 0 && codePoint <= 0x10ffff && (codePoint < 0xd800 || codePoint > 0xdfff);
  return valid ? String.fromCodePoint(codePoint) : undefined;
}

/** The text of a glyph name, undefined when the name is not one we know. */
export function unicodeOfGlyphName(name: string): string | undefined {
  const codePoint = parsedGlyphList().get(name);
  if (codePoint !== undefined) return String.fromCharCode(codePoint);
  return codePointOfUniName(name);
}
