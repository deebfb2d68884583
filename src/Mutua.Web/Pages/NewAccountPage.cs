using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Mutua.Core.Accounts;

namespace Mutua.Web.Pages;

/// <summary>The fields a person types to create an account, the same on joining with a code and signing up as a supporter.</summary>
public abstract class NewAccountPage : PageModel
{
    [BindProperty]
    [Required(ErrorMessage = "Please enter your first name.")]
    [StringLength(Person.NameMaxLength, ErrorMessage = "That name is too long.")]
    [Display(Name = "First name")]
    public string? FirstName { get; set; }

    [BindProperty]
    [Required(ErrorMessage = "Please enter your phone number or e-mail.")]
    [StringLength(254, ErrorMessage = "That is too long.")]
    [Display(Name = "Phone number or e-mail")]
    public string? Login { get; set; }

    [BindProperty]
    [Required(ErrorMessage = "Please choose a password.")]
    [StringLength(200, MinimumLength = 8, ErrorMessage = "Please choose a password of at least 8 characters.")]
    [DataType(DataType.Password)]
    [Display(Name = "Password")]
    public string? Password { get; set; }

    [BindProperty]
    [Display(Name = "Language")]
    public string? Language { get; set; }
}
