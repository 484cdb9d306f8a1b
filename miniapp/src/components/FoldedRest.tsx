import { BigButton } from './BigButton';

/** The one line standing for the folded-away people ("其余 24 人 出席"): a tap opens or closes them. */
export function FoldedRest({ count, what, open, onToggle }: { count: number; what: string; open: boolean; onToggle: () => void }) {
  if (count === 0) return null;
  return (
    <BigButton variant='secondary' onClick={onToggle}>
      {open ? `收起这 ${count} 人` : `其余 ${count} 人 ${what}（点开查看）`}
    </BigButton>
  );
}
