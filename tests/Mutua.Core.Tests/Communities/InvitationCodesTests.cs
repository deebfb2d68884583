using Mutua.Core.Communities;

namespace Mutua.Core.Tests.Communities;

public sealed class InvitationCodesTests
{
    private const string Alphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

    [Fact]
    public void New_codes_are_eight_characters_from_the_alphabet_without_look_alikes()
    {
        var codes = Enumerable.Range(0, 2_000).Select(_ => InvitationCodes.NewCode()).ToList();
        Assert.All(codes, code =>
        {
            Assert.Equal(Invitation.CodeLength, code.Length);
            Assert.All(code, c => Assert.Contains(c, Alphabet));
        });
        Assert.True(codes.Distinct().Count() > 1_990, "codes should practically never repeat");
        // Every character of the alphabet turns up in 16,000 draws of 31.
        Assert.Equal(Alphabet.Length, codes.SelectMany(c => c).Distinct().Count());
    }

    [Fact]
    public void New_codes_survive_normalising_unchanged()
    {
        for (var i = 0; i < 200; i++)
        {
            var code = InvitationCodes.NewCode();
            Assert.Equal(code, InvitationCodes.Normalise(code));
            Assert.Equal(code, InvitationCodes.Normalise(InvitationCodes.Display(code).ToLowerInvariant()));
        }
    }

    [Theory]
    [InlineData("k7qm-2pxd ", "K7QM2PXD")]
    [InlineData("K7QM2PXD", "K7QM2PXD")]
    [InlineData(" k7qm 2pxd", "K7QM2PXD")]
    [InlineData("K7QM-\t2PXD\n", "K7QM2PXD")]
    public void Normalise_accepts_what_people_type(string typed, string expected) =>
        Assert.Equal(expected, InvitationCodes.Normalise(typed));

    [Theory]
    [InlineData("K7QM-2PX0")] // zero
    [InlineData("K7QM-2PXO")] // letter O
    [InlineData("K7QM-2PXo")]
    [InlineData("K7QM-2PX1")] // one
    [InlineData("K7QM-2PXI")] // letter I
    [InlineData("K7QM-2PXi")]
    [InlineData("K7QM-2PXL")] // letter L
    [InlineData("K7QM-2PXl")]
    [InlineData("K7QM-2PX!")]
    [InlineData("K7QM-2PXÉ")]
    public void Normalise_rejects_look_alikes_and_other_characters(string typed) =>
        Assert.Null(InvitationCodes.Normalise(typed));

    [Theory]
    [InlineData("K7QM-2PX")]
    [InlineData("K7QM-2PXDD")]
    [InlineData("K")]
    [InlineData("K7QM2PXDK7QM2PXD")]
    public void Normalise_rejects_wrong_lengths(string typed) => Assert.Null(InvitationCodes.Normalise(typed));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("--------")]
    public void Normalise_rejects_nothing(string? typed) => Assert.Null(InvitationCodes.Normalise(typed));

    [Fact]
    public void Display_puts_a_dash_in_the_middle() => Assert.Equal("K7QM-2PXD", InvitationCodes.Display("K7QM2PXD"));

    // Codes made before they had eight characters (and anything else) are shown as they are, never cut.
    [Theory]
    [InlineData("K7QM2PX")]
    [InlineData("K7QM2PXDA")]
    [InlineData("")]
    public void Display_leaves_a_code_of_another_length_as_it_is(string code) => Assert.Equal(code, InvitationCodes.Display(code));
}
