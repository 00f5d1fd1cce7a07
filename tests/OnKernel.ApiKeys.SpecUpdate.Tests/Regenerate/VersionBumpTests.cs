using OnKernel.ApiKeys.SpecUpdate.Regenerate;

namespace OnKernel.ApiKeys.SpecUpdate.Tests.Regenerate;

public class VersionBumpTests
{
    private static readonly string[] Breaking = ["CP0002: Member 'X' exists on [Baseline] ... but not on ..."];

    [TestCase("0.1.0", "0.2.0", "Minor", TestName = "Breaking while 0.x bumps the minor version")]
    [TestCase("0.3.7", "0.4.0", "Minor", TestName = "Breaking while 0.x resets the patch")]
    [TestCase("1.4.2", "2.0.0", "Major", TestName = "Breaking from 1.0 bumps the major version")]
    public void Breaking_changes(string current, string expected, string kind)
    {
        var decision = VersionBump.Decide(current, Breaking, publicApiChanged: true);
        Assert.That((decision.NewVersion, decision.Kind, decision.Breaking), Is.EqualTo((expected, Enum.Parse<BumpKind>(kind), true)));
        Assert.That(decision.Reason, Does.StartWith("1 breaking change(s) found by package validation"));
    }

    [TestCase("0.1.0", "0.2.0")]
    [TestCase("1.4.2", "1.5.0")]
    public void An_addition_is_minor(string current, string expected)
    {
        var decision = VersionBump.Decide(current, [], publicApiChanged: true);
        Assert.That((decision.NewVersion, decision.Kind, decision.Breaking, decision.Label), Is.EqualTo((expected, BumpKind.Minor, false, "minor")));
    }

    [TestCase("0.1.0", "0.1.1")]
    [TestCase("1.4.2-preview.1", "1.4.3")]
    public void No_public_api_change_is_a_patch(string current, string expected)
    {
        var decision = VersionBump.Decide(current, [], publicApiChanged: false);
        Assert.That((decision.NewVersion, decision.Kind, decision.Label), Is.EqualTo((expected, BumpKind.Patch, "patch")));
    }

    [Test]
    public void A_version_that_is_not_semver_is_refused() =>
        Assert.Throws<FormatException>(() => VersionBump.Decide("1.2", [], publicApiChanged: false));
}
