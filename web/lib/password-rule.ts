// The password rule the server enforces (passwordSchema in src/shared/api/common.ts), in words.
export const PASSWORD_HINT = 'Use 8 to 128 characters. Length matters more than symbols: a short sentence you will remember works well.';
