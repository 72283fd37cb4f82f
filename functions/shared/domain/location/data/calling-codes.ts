/**
 * International calling codes and their countries, outside North America. Codes shared by several
 * countries (+7 Russia and Kazakhstan) are left out.
 */
export const CALLING_CODE_COUNTRIES: Readonly<Record<string, string>> = {
  '20': 'EG', '27': 'ZA', '30': 'GR', '31': 'NL', '32': 'BE', '33': 'FR', '34': 'ES', '36': 'HU', '39': 'IT',
  '40': 'RO', '41': 'CH', '43': 'AT', '44': 'GB', '45': 'DK', '46': 'SE', '47': 'NO', '48': 'PL', '49': 'DE',
  '51': 'PE', '52': 'MX', '54': 'AR', '55': 'BR', '56': 'CL', '57': 'CO', '58': 'VE',
  '60': 'MY', '61': 'AU', '62': 'ID', '63': 'PH', '64': 'NZ', '65': 'SG', '66': 'TH',
  '81': 'JP', '82': 'KR', '84': 'VN', '86': 'CN', '90': 'TR', '91': 'IN', '92': 'PK', '94': 'LK', '95': 'MM',
  '212': 'MA', '213': 'DZ', '216': 'TN', '221': 'SN', '225': 'CI', '226': 'BF', '223': 'ML', '227': 'NE',
  '228': 'TG', '229': 'BJ', '230': 'MU', '237': 'CM', '241': 'GA', '242': 'CG', '243': 'CD', '254': 'KE',
  '261': 'MG', '262': 'RE', '269': 'KM', '351': 'PT', '352': 'LU', '353': 'IE', '356': 'MT', '357': 'CY',
  '358': 'FI', '376': 'AD', '377': 'MC', '420': 'CZ', '421': 'SK', '590': 'GP', '594': 'GF', '596': 'MQ',
  '687': 'NC', '689': 'PF', '852': 'HK', '853': 'MO', '855': 'KH', '856': 'LA', '880': 'BD', '886': 'TW',
  '961': 'LB', '962': 'JO', '965': 'KW', '966': 'SA', '968': 'OM', '971': 'AE', '972': 'IL', '973': 'BH',
  '974': 'QA', '977': 'NP',
};

/** North American area codes of Canada: "+1" numbers there are Canadian, not US. */
export const CANADIAN_AREA_CODES: ReadonlySet<string> = new Set([
  '204', '226', '236', '249', '250', '257', '263', '289', '306', '343', '354', '365', '367', '368', '382', '387',
  '403', '416', '418', '428', '431', '437', '438', '450', '460', '468', '474', '506', '514', '519', '548', '579',
  '581', '584', '587', '604', '613', '639', '647', '672', '683', '705', '709', '742', '753', '778', '780', '782',
  '807', '819', '825', '867', '873', '879', '902', '905', '942',
]);

/** North American area codes of the Caribbean and Atlantic countries sharing "+1". */
export const CARIBBEAN_AREA_CODE_COUNTRIES: Readonly<Record<string, string>> = {
  '242': 'BS', '246': 'BB', '264': 'AI', '268': 'AG', '284': 'VG', '345': 'KY', '441': 'BM', '473': 'GD',
  '649': 'TC', '658': 'JM', '664': 'MS', '721': 'SX', '758': 'LC', '767': 'DM', '784': 'VC', '809': 'DO',
  '829': 'DO', '849': 'DO', '868': 'TT', '869': 'KN', '876': 'JM',
};
