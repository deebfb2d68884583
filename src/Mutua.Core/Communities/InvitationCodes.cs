using System.Security.Cryptography;

namespace Mutua.Core.Communities;

/// <summary>Codes people read aloud and type on basic phones: no 0/O, 1/I/L look-alikes.</summary>
public static class InvitationCodes
{
    private const string Alphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

    public static string NewCode() => RandomNumberGenerator.GetString(Alphabet, Invitation.CodeLength);

    /// <summary>"k7qm-2pxd " becomes "K7QM2PXD"; anything else becomes null.</summary>
    public static string? Normalise(string? typed)
    {
        if (string.IsNullOrWhiteSpace(typed)) return null;
        var chars = typed.Where(c => !char.IsWhiteSpace(c) && c != '-').Select(char.ToUpperInvariant).ToArray();
        if (chars.Length != Invitation.CodeLength || chars.Any(c => !Alphabet.Contains(c))) return null;
        return new string(chars);
    }

    /// <summary>"K7QM2PXD" is shown as "K7QM-2PXD".</summary>
    public static string Display(string code) => code.Length == 8 ? $"{code[..4]}-{code[4..]}" : code;
}
