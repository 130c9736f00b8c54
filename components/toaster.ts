/** The one Toaster of the app; every toast goes to it. */
export const APP_TOASTER_ID = 'app-toaster';
