import type { personPicker as nl } from '../../nl/messages/person-picker';

export const personPicker: typeof nl = {
  notFound: (p) =>
    `Nobody found with “${p.text}”. Type part of the name or e-mail address and choose from the list.`,
  ambiguous: (p) =>
    `“${p.text}” matches ${p.count} people. Choose one from the list; it shows the e-mail address after the name.`,
  emailInUseBy: (p) =>
    `This e-mail address is already used by ${p.name}. Look that person up in the list, or enter another address.`,
};
