-- Argo CD health for openshell.io OpenShellSettings: Healthy once every sandbox is re-composed
-- for the current generation.
local hs = { status = "Progressing", message = "Waiting for sandboxes to be re-composed" }
if obj.status == nil or obj.status.conditions == nil then
  return hs
end
if obj.status.observedGeneration == nil or obj.metadata.generation == nil
    or obj.status.observedGeneration < obj.metadata.generation then
  return hs
end
for _, cond in ipairs(obj.status.conditions) do
  if cond.type == "Applied" then
    if cond.status == "True" then
      hs.status = "Healthy"
      hs.message = "Settings applied to " .. tostring(obj.status.sandboxes or 0) .. " sandbox(es)"
    else
      hs.message = (cond.message or "") .. " (" .. tostring(obj.status.pendingSandboxes or 0) .. " pending)"
    end
  end
end
return hs
