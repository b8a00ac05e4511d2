/** Series colours with at least 4.5:1 contrast on white (lines and their labels alike). */
export const PALETTE = ['#1f4e9c', '#b4361b', '#1b6b3a', '#6b3fa0', '#8a5a00', '#0f6e7a', '#444444'];

export const colorAt = (index: number): string => PALETTE[index % PALETTE.length] ?? '#1a1a1a';
