using ManifestLint.Rules.Secrets;

namespace ManifestLint.Rules.Tests;

public sealed class CredentialNamesTests
{
    [Theory]
    [InlineData("PASSWORD")]
    [InlineData("MYSQL_ROOT_PASSWORD")]
    [InlineData("DBPASSWORD")]
    [InlineData("db-passwd")]
    [InlineData("GITHUB_TOKEN")]
    [InlineData("STRIPE_API_KEY")]
    [InlineData("SENDGRID_APIKEY")]
    [InlineData("AWS_SECRET_ACCESS_KEY")]
    [InlineData("ACCESS_KEY")]
    [InlineData("SSH_PRIVATE_KEY")]
    [InlineData("oauthClientSecret")]
    [InlineData("GOOGLE_CREDENTIALS")]
    [InlineData("GPG_PASSPHRASE")]
    public void Credential_names(string name) => Assert.True(CredentialNames.IsCredential(name), name);

    [Theory]
    [InlineData("LOG_LEVEL")]
    [InlineData("DB_PASSWORD_FILE")]
    [InlineData("TOKEN_PATH")]
    [InlineData("TOKEN_TTL")]
    [InlineData("JWT_SECRET_NAME")]
    [InlineData("TOKENIZER_MODEL")]
    [InlineData("AWS_ACCESS_KEY_ID")]
    [InlineData("PWD")]
    [InlineData("KEY")]
    [InlineData("SECRET_ROTATION_ENABLED")]
    public void Other_names(string name) => Assert.False(CredentialNames.IsCredential(name), name);
}
