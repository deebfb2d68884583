using Microsoft.AspNetCore.Identity;

namespace Mutua.Core.Accounts;

/// <summary>The account rules, in one place for the app and its tests.</summary>
public static class AccountRules
{
    public static void Apply(IdentityOptions o)
    {
        // Long and memorable beats short and complex, especially typed on a basic phone.
        o.Password.RequiredLength = 8;
        o.Password.RequireDigit = false;
        o.Password.RequireLowercase = false;
        o.Password.RequireUppercase = false;
        o.Password.RequireNonAlphanumeric = false;
        o.Password.RequiredUniqueChars = 3;
        o.Lockout.MaxFailedAccessAttempts = 5;
        o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(10);
        o.Lockout.AllowedForNewUsers = true;
        o.User.RequireUniqueEmail = false;
        // The user name is the e-mail or phone number; Identity's default alphabet refuses valid addresses like o'brien@ or josé@.
        o.User.AllowedUserNameCharacters = "";
    }
}
