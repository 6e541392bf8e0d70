using ManifestLint.Core.Policy;

namespace ManifestLint.Tests.Policy;

public class RuleIdSuggestionsTests
{
    private static readonly string[] Known = ["privileged-container", "privilege-escalation-allowed", "host-pid", "host-ipc", "host-network", "run-as-root"];

    [Theory]
    [InlineData("privileged-contaner", "privileged-container")]
    [InlineData("privileged", "privileged-container")]
    [InlineData("host-pids", "host-pid")]
    [InlineData("Run-As-Root", "run-as-root")]
    public void Closest_id_comes_first(string typed, string expected)
    {
        Assert.Equal(expected, RuleIdSuggestions.For(typed, Known).FirstOrDefault());
    }

    [Fact]
    public void A_shortened_id_suggests_every_id_it_starts()
    {
        var suggestions = RuleIdSuggestions.For("privilegd", Known);

        Assert.Equal(["privilege-escalation-allowed", "privileged-container"], suggestions.Order(StringComparer.Ordinal).ToArray());
    }

    [Theory]
    [InlineData("latest")]
    [InlineData("x")]
    [InlineData("completely-unrelated-rule")]
    public void Unrelated_ids_get_no_suggestion(string typed)
    {
        Assert.Empty(RuleIdSuggestions.For(typed, Known));
    }
}
