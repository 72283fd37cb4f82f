/**
 * Claim documents and messages as members send them. No public medical invoices exist, so these
 * are written with the identifiers real ones carry (valid check digits, real address shapes).
 */

export const FRENCH_FEE_NOTE = `NOTE D'HONORAIRES
Docteur Claire Martin
Médecin généraliste
N° RPPS : 10101234567
SIRET : 812 345 676 00017
12 rue de la Paix
75002 Paris
Tél. 01 42 60 12 34

Patient : M. Jean Dupont
Consultation du 14/03/2024 : 50,00 €
Acquittée le 14/03/2024`;

export const US_ITEMIZED_BILL = `BOSTON FAMILY MEDICINE
300 Longwood Ave
Boston, MA 02115
NPI: 1765432103    Tax ID: 04-3456789
Phone: +1 (617) 555-0142

ITEMIZED STATEMENT
Date        CPT    Description                          Charge
03/14/2024  99213  Office visit, established patient    $150.00
03/14/2024  85025  Complete blood count                  $35.00
Total due: USD 185.00`;

export const CANADIAN_INVOICE = `Clinique Médicale Centre-Ville
1000, rue De La Gauchetière Ouest
Montréal, QC H3B 4W8
Téléphone : 514 555-0199

FACTURE N° 2024-0312
Consultation médicale            120,00 $
Total                            120,00 $`;

export const CAMBODIAN_INVOICE = `ROYAL PHNOM PENH CLINIC
No. 888, Russian Federation Blvd, Sangkat Toeuk Laak I
Phnom Penh
Tel: +855 23 991 000

INVOICE No. RPP-24-0457
Consultation            USD 60.00
Laboratory              USD 45.00
Total                   USD 105.00`;

export const MEMBER_MESSAGE_WITHOUT_LOCATION = `Bonjour,
Veuillez trouver ci-joint ma facture pour remboursement.
Cordialement,
Jean Dupont`;

export const AMOUNT_IN_USD_ONLY = 'Total paid: 250.00 USD';

export const MESSAGE_QUOTING_MAI = `Bonjour,
Je vous transmets ma demande comme indiqué dans le guide :
MEDICAL ADMINISTRATORS INTERNATIONAL
37 Rue Anatole France
92300 Levallois-Perret
France
Tél. +33 1 42 68 01 42
Merci.`;

export const MESSAGE_QUOTING_CIGNA = `Hello, my doctor told me to mail the claim to Cigna Global Health Benefits,
PO Box 15050, Wilmington DE 19850-5050, USA (phone +1 800 768 1725). I am sending it here instead.`;
