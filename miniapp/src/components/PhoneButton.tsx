import { BigButton } from './BigButton';

/** One tap rings the number; the label says whom and the number itself, so it can also be dialled by hand. */
export function PhoneButton({ who, phone, onCall }: { who: string; phone: string; onCall: (phone: string) => void }) {
  return (
    <BigButton variant='secondary' onClick={() => onCall(phone)}>
      {`☎ 打电话给${who}：${phone}`}
    </BigButton>
  );
}
