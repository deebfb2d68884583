using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Mutua.Core.Accounts;

internal sealed class PersonConfiguration : IEntityTypeConfiguration<Person>
{
    public void Configure(EntityTypeBuilder<Person> b)
    {
        b.Property(p => p.FirstName).HasMaxLength(Person.NameMaxLength).IsRequired();
        b.Property(p => p.FullName).HasMaxLength(Person.FullNameMaxLength);
        b.Property(p => p.PreferredLanguage).HasMaxLength(8).IsRequired();
        b.Property(p => p.PhoneNumber).HasMaxLength(20);
        b.Property(p => p.BuddyPhone).HasMaxLength(20);
        b.HasIndex(p => p.PhoneNumber).IsUnique();
    }
}
