/**
 * The one width below which the portal lays itself out for a phone (an admin on call opens it there): header
 * in two rows, filters two to a row, the table's rows as two lines each. Above it the layout is the desktop's.
 */
export const NARROW = '@media (max-width: 767px)';
