import type { Finding } from '../finding.ts';

/**
 * Currencies, weak evidence at most: US dollars are billed in Cambodia and much of the world, "$"
 * alone is also Canadian, Australian, Mexican... and the euro has twenty countries, so "$", "€"
 * and EUR say nothing here.
 */
const CURRENCIES: readonly { country: string; code: string; written: RegExp }[] = [
  { country: 'US', code: 'USD', written: /\bUSD\b|\bUS ?\$|\bUS [Dd]ollars?\b|\b[Dd]ollars? américains?\b/ },
  { country: 'CA', code: 'CAD', written: /\bCAD\b|\bC ?\$|\bCA\$|\bdollars? canadiens?\b|\bCanadian dollars?\b/ },
  { country: 'KH', code: 'KHR', written: /\bKHR\b|\briels?\b|៛/i },
  { country: 'GB', code: 'GBP', written: /\bGBP\b|£/ },
  { country: 'CH', code: 'CHF', written: /\bCHF\b/ },
  { country: 'JP', code: 'JPY', written: /\bJPY\b/ },
  { country: 'CN', code: 'CNY', written: /\bCNY\b|\bRMB\b/ },
  { country: 'HK', code: 'HKD', written: /\bHKD\b|\bHK ?\$/ },
  { country: 'SG', code: 'SGD', written: /\bSGD\b|\bS\$/ },
  { country: 'AU', code: 'AUD', written: /\bAUD\b|\bA\$/ },
  { country: 'TH', code: 'THB', written: /\bTHB\b|฿/ },
  { country: 'AE', code: 'AED', written: /\bAED\b/ },
  { country: 'MA', code: 'MAD', written: /\bMAD\b/ },
  { country: 'IN', code: 'INR', written: /\bINR\b|₹/ },
  { country: 'BR', code: 'BRL', written: /\bBRL\b|\bR\$/ },
  { country: 'MX', code: 'MXN', written: /\bMXN\b/ },
];

export function detectCurrencies(text: string): Finding[] {
  return CURRENCIES.filter(({ written }) => written.test(text)).map(({ country, code }) => ({
    country,
    strength: 'weak',
    reason: `amounts in ${code} (${country})`,
  }));
}
