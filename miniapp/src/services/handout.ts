/** The material as paragraphs for the handout: one per line of the secretary's text, blank lines dropped; a line when there is none. */
export function handoutParagraphs(materialText: string | undefined): string[] {
  const paragraphs = (materialText ?? '').split(/\r?\n/).map((p) => p.trim()).filter(Boolean);
  return paragraphs.length ? paragraphs : ['这次学习没有文字材料。请按主题讲给党员听。'];
}
