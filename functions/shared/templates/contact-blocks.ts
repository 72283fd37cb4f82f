/** The contact details the member replies give: the administrator's and Cigna's assistance. */
import { ASSISTANCE, type Administrator, type ContactNumber } from '../domain/administrators.ts';
import { paragraph, type Block } from './blocks.ts';
import type { Messages } from './messages.ts';

function numbers(list: readonly ContactNumber[], messages: Messages): string {
  const { tollFree, or } = messages.contact;
  return list.map((entry) => (entry.tollFree ? `${entry.number} (${tollFree})` : entry.number)).join(` ${or} `);
}

export function administratorBlocks(administrator: Administrator, messages: Messages): Block[] {
  const { contact, field, reply } = messages;
  return [
    paragraph(reply.contactFor),
    {
      kind: 'lines',
      lines: [
        administrator.name,
        ...administrator.postalAddress,
        field(contact.phone, numbers(administrator.phones, messages)),
        field(contact.fax, numbers(administrator.faxes, messages)),
        field(contact.email, administrator.email),
      ],
    },
    { kind: 'link', label: reply.tracking, url: administrator.trackingUrl },
  ];
}

export function assistanceBlock({ reply }: Messages): Block {
  const { title, outsideUsa, usa, line } = reply.assistance;
  return {
    kind: 'list',
    title,
    items: [
      line(outsideUsa, ASSISTANCE.outsideUsa.phone, ASSISTANCE.outsideUsa.faxes),
      line(usa, ASSISTANCE.usa.phone, ASSISTANCE.usa.faxes),
    ],
  };
}
