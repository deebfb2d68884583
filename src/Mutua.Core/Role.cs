namespace Mutua.Core;

/// <summary>What a person may do in one community (DESIGN §1). A person may hold several.</summary>
public enum Role
{
    Member = 1,
    Coordinator = 2,
    Sponsor = 3,
    Ambassador = 4,
    Supporter = 5,
}
