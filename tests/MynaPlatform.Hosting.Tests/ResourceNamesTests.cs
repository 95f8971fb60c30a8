using System.Reflection;
using MynaPlatform.Hosting;
using Xunit;

namespace MynaPlatform.Hosting.Tests;

public sealed class ResourceNamesTests
{
    [Fact]
    public void ResourceNames_All_AreLowerKebabCase()
    {
        var names = typeof(ResourceNames).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Select(field => (string)field.GetValue(null)!);

        Assert.All(names, name => Assert.Matches("^[a-z]+(-[a-z]+)*$", name));
    }
}
