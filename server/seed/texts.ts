import type { Random } from './prng.js';

/** Message texts for seeded histories and the simulator's inbound replies. */
export const OPENERS_OUT: readonly string[] = [
  'Hi {name}, your order {ref} has shipped and should arrive within 3 working days.',
  'Hello {name}! Thanks for your interest in Northwind. Can we help you choose the right plan? Ref {ref}.',
  'Reminder: your invoice {ref} is due on Friday. Reply here if you have any questions.',
  'Hi {name}, we tried to deliver parcel {ref} today but nobody was home. When suits you?',
  'Your appointment {ref} is confirmed for tomorrow at 10:30. Reply YES to confirm.',
  'Hi {name}, this is Northwind Support following up on ticket {ref}.',
];

export const OPENERS_IN: readonly string[] = [
  'Hi, I have a question about my order {ref}',
  'Hello, my invoice {ref} shows the wrong amount',
  'Hola, ¿pueden ayudarme con el pedido {ref}?',
  'Bonjour, ma commande {ref} n’est pas arrivée.',
  'Здравствуйте, заказ {ref} ещё не пришёл.',
  'مرحبا، لدي سؤال عن الطلب {ref}',
  'こんにちは、注文 {ref} について質問があります。',
  'Hallo, wann kommt meine Bestellung {ref}?',
];

export const REPLIES_IN: readonly string[] = [
  'Thanks, that works for me.',
  'Can you send me the tracking link please?',
  'I still haven’t received it 😕',
  'Perfect, thank you so much!',
  'Could someone call me back this afternoon?',
  'Is there a discount for annual billing?',
  'The parcel arrived damaged, what should I do?',
  'Yes, please go ahead.',
  'Sorry, wrong number?',
  'Muito obrigado!',
  'Danke, alles klar.',
  'شكرا جزيلا',
  'Спасибо!',
  'How do I update my delivery address?',
  'Can I pay by bank transfer instead?',
];

export const REPLIES_OUT: readonly string[] = [
  'Thanks for getting back to us! Let me check that for you.',
  'I’ve sent the tracking link by email just now.',
  'Sorry about that — I have issued a replacement.',
  'Of course, a colleague will call you between 2 and 4 pm.',
  'You can update the address from your account page, or just tell me here.',
  'Bank transfer is fine; the details are on the invoice.',
  'Great, I have applied the discount to your next invoice.',
  'Could you share a photo of the damage?',
];

export const NOTES: readonly string[] = [
  'Customer is a VIP — escalate if unhappy. Escalation code {note}.',
  'Checked with the warehouse: stock arrives Monday ({note}).',
  'Possible fraud pattern, do not refund without approval ({note}).',
  'Spoke to them by phone, they prefer WhatsApp. Internal ref {note}.',
  'Refund approved by finance, reference {note}.',
];

export function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (_, key: string) => values[key] ?? '');
}

export function firstName(full: string): string {
  return full.split(' ')[0] || 'there';
}

export function inboundReply(r: Random): string {
  return r.pick(REPLIES_IN);
}
