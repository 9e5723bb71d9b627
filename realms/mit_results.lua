-- MIT krb5kdc's result names (spaces written as "_") and the krb5.h symbol
-- of the Kerberos error each stands for, as MIT's kdc/ sources return them:
-- the outside reference realms/check.lua and the specs hold logonerr to.
return {
  NEEDED_PREAUTH = "KRB5KDC_ERR_PREAUTH_REQUIRED",
  PREAUTH_FAILED = "KRB5KDC_ERR_PREAUTH_FAILED",
  CLIENT_NOT_FOUND = "KRB5KDC_ERR_C_PRINCIPAL_UNKNOWN",
  CLIENT_LOCKED_OUT = "KRB5KDC_ERR_CLIENT_REVOKED",
  CLIENT_EXPIRED = "KRB5KDC_ERR_NAME_EXP",
  CLIENT_KEY_EXPIRED = "KRB5KDC_ERR_KEY_EXP",
  LOOKING_UP_SERVER = "KRB5KDC_ERR_S_PRINCIPAL_UNKNOWN",
}
