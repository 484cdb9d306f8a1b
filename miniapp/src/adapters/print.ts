/**
 * Printing a page: only a browser can (H5, e.g. the contact at a computer before the visit); WeChat has no print,
 * so there the button is not shown and the page is read on the phone.
 */
export function canPrint(): boolean {
  return process.env.TARO_ENV === 'h5' && typeof window !== 'undefined' && typeof window.print === 'function';
}

export function printPage(): void {
  if (canPrint()) window.print();
}
