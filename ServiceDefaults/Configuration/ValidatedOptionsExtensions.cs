using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace MynaPlatform.ServiceDefaults.Configuration;

public static class ValidatedOptionsExtensions
{
    /// <summary>
    /// Binds <typeparamref name="TOptions"/> to <paramref name="sectionPath"/>, validates its data
    /// annotations and fails at start-up, so a missing setting is reported with its full path.
    /// </summary>
    public static OptionsBuilder<TOptions> AddValidatedOptions<TOptions>(this IServiceCollection services, string sectionPath)
        where TOptions : class =>
        services.AddOptions<TOptions>()
            .BindConfiguration(sectionPath)
            .ValidateDataAnnotations()
            .ValidateOnStart();
}
