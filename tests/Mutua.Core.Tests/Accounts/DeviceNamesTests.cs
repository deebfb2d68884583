using Mutua.Core.Accounts;

namespace Mutua.Core.Tests.Accounts;

public sealed class DeviceNamesTests
{
    [Theory]
    [InlineData("Mozilla/5.0 (Linux; Android 14; SM-A155F) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Mobile Safari/537.36", "Chrome · Android")]
    [InlineData("Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1", "Safari · iPhone")]
    [InlineData("Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0", "Firefox · Windows")]
    [InlineData("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0", "Edge · Windows")]
    [InlineData("Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15", "Safari · macOS")]
    [InlineData("Mozilla/5.0 (Mobile; LYF/F220B/LYF-F220B-000-01-23-130121; Android; rv:48.0) Gecko/48.0 Firefox/48.0 KAIOS/2.5", "Firefox · KaiOS")]
    [InlineData("curl/8.5.0", "curl")]
    [InlineData("python-requests/2.31.0", "python-requests")]
    [InlineData("", null)]
    [InlineData(null, null)]
    [InlineData("<script>alert(1)</script>", null)]
    public void A_user_agent_becomes_a_short_name_a_person_recognises(string? userAgent, string? expected) =>
        Assert.Equal(expected, DeviceNames.Describe(userAgent));

    [Fact]
    public void A_long_user_agent_never_overflows_the_column()
    {
        var name = DeviceNames.Describe(new string('a', 5000));
        Assert.True(name is null || name.Length <= SignInSession.DeviceMaxLength);
    }
}
