import { ApiError, errorResponse } from '@/lib/api/errors';

export const dynamic = 'force-dynamic';

// Unknown API paths answer in the API's JSON error shape, not with the app's HTML 404 page.
const notFound = () => errorResponse(new ApiError('NOT_FOUND', 'There is no such endpoint. See /docs/api for the endpoints.'));

export { notFound as GET, notFound as POST, notFound as PUT, notFound as PATCH, notFound as DELETE };
